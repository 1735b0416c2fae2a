package dev.payplatform.events.service;

import dev.payplatform.events.config.EventsConfig;
import dev.payplatform.events.domain.AddressPolicy;
import dev.payplatform.events.domain.DeliveryAttempt;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends one signed webhook request. The host is resolved here and every address it resolves to is
 * checked against the {@link dev.payplatform.events.domain.AddressPolicy} at each attempt (a name
 * that moved to a private address is refused), and the request goes to the address that was
 * checked, with the URL's host as {@code Host} and TLS name. Redirects are not followed; the whole
 * attempt is bounded by {@code events.webhooks.timeout}; at most the first 2 KB of the answer are
 * kept and an answer longer than 64 KB is cut off.
 */
@ApplicationScoped
public class WebhookSender {
  static final int MAX_ANSWER_BYTES = 64 * 1024;
  static final String USER_AGENT = "payplatform-webhooks/0.1";

  private final Vertx vertx;
  private final EventsConfig.Webhooks settings;
  private final AddressPolicy addresses;
  private final HttpClient client;

  public WebhookSender(Vertx vertx, EventsConfig config, AddressPolicy addresses) {
    this.addresses = addresses;
    this.vertx = vertx;
    this.settings = config.webhooks();
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setIdleTimeout((int) settings.timeout().toSeconds())
                .setMaxPoolSize(Math.max(1, settings.maxInFlightPerEndpoint()))
                .setKeepAlive(true)
                .setForceSni(true)
                .setVerifyHost(true)
                .setTryUseCompression(false)
                // No traceparent to a merchant's endpoint: the attempt's span is ours alone.
                .setTracingPolicy(TracingPolicy.IGNORE));
  }

  @PreDestroy
  void close() {
    client.close();
  }

  /** What an attempt came to: an HTTP answer (status and its start), or no answer (error). */
  public record Result(
      Integer httpStatus, String answer, String error, Duration retryAfter, long latencyMillis) {
    Result withLatency(long millis) {
      return new Result(httpStatus, answer, error, retryAfter, millis);
    }

    public boolean delivered() {
      return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }
  }

  /** The address a URL's host resolves to, if every address it resolves to is allowed. */
  public Uni<InetAddress> resolveAllowed(URI url) {
    String host = url.getHost();
    return Uni.createFrom()
        .completionStage(
            vertx
                .<InetAddress>executeBlocking(
                    () -> {
                      InetAddress[] all = InetAddress.getAllByName(host);
                      for (InetAddress a : all) {
                        if (!addresses.permits(a)) {
                          throw new BlockedAddress(host, a);
                        }
                      }
                      return all[0];
                    },
                    false)
                .toCompletionStage());
  }

  public Uni<Result> send(URI url, Map<String, String> headers, String body) {
    long start = System.nanoTime();
    return resolveAllowed(url)
        .chain(address -> post(url, address, headers, body))
        .ifNoItem()
        .after(settings.timeout())
        .failWith(() -> new AttemptTimeout(settings.timeout()))
        .map(answer -> answer.withLatency(millisSince(start)))
        .onFailure()
        .recoverWithItem(
            failure -> new Result(null, null, describe(failure), null, millisSince(start)));
  }

  private Uni<Result> post(URI url, InetAddress address, Map<String, String> headers, String body) {
    boolean tls = "https".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path += "?" + url.getRawQuery();
    }
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
            .setHost(url.getHost())
            .setPort(port)
            .setSsl(tls)
            .setURI(path)
            .setFollowRedirects(false)
            .setTimeout(settings.timeout().toMillis());
    headers.forEach(options::putHeader);
    options.putHeader("content-type", "application/json");
    options.putHeader("user-agent", USER_AGENT);
    AtomicBoolean cut = new AtomicBoolean();
    return Uni.createFrom()
        .completionStage(
            client
                .request(options)
                .compose(
                    (HttpClientRequest request) ->
                        request
                            .send(Buffer.buffer(body))
                            .compose(response -> readAnswer(request, response, cut)))
                .toCompletionStage());
  }

  private io.vertx.core.Future<Result> readAnswer(
      HttpClientRequest request, HttpClientResponse response, AtomicBoolean cut) {
    io.vertx.core.Promise<Result> done = io.vertx.core.Promise.promise();
    Buffer kept = Buffer.buffer();
    long[] total = {0};
    Duration retryAfter = retryAfter(response.statusCode(), response.getHeader("retry-after"));
    response.handler(
        chunk -> {
          total[0] += chunk.length();
          int room = DeliveryAttempt.KEPT_BODY_CHARS - kept.length();
          if (room > 0) {
            kept.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
          }
          if (total[0] > MAX_ANSWER_BYTES && cut.compareAndSet(false, true)) {
            request.reset();
            done.tryComplete(answer(response.statusCode(), kept, retryAfter));
          }
        });
    response.endHandler(v -> done.tryComplete(answer(response.statusCode(), kept, retryAfter)));
    response.exceptionHandler(
        e -> {
          if (!cut.get()) {
            done.tryComplete(answer(response.statusCode(), kept, retryAfter));
          }
        });
    return done.future();
  }

  private static Result answer(int status, Buffer kept, Duration retryAfter) {
    String text = new String(kept.getBytes(), StandardCharsets.UTF_8);
    if (text.length() > DeliveryAttempt.KEPT_BODY_CHARS) {
      text = text.substring(0, DeliveryAttempt.KEPT_BODY_CHARS);
    }
    // PostgreSQL text cannot hold NUL.
    text = text.replace('\0', '\uFFFD');
    return new Result(status, text, null, retryAfter, 0);
  }

  /** {@code Retry-After} in seconds on a 429 or 503; dates and other statuses are ignored. */
  static Duration retryAfter(int status, String header) {
    if ((status != 429 && status != 503) || header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String describe(Throwable failure) {
    if (failure instanceof BlockedAddress || failure instanceof AttemptTimeout) {
      return failure.getMessage();
    }
    if (failure instanceof UnknownHostException) {
      return "host not found: " + failure.getMessage();
    }
    String message = failure.getMessage();
    String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  /** The host resolved to an address deliveries may not go to. */
  public static final class BlockedAddress extends RuntimeException {
    BlockedAddress(String host, InetAddress address) {
      super(
          host + " resolves to " + address.getHostAddress() + ", a private or reserved address",
          null,
          false,
          false);
    }
  }

  static final class AttemptTimeout extends RuntimeException {
    AttemptTimeout(Duration timeout) {
      super("no answer within " + timeout.toSeconds() + " s", null, false, false);
    }
  }
}
