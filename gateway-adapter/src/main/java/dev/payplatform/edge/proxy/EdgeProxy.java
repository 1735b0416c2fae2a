package dev.payplatform.edge.proxy;

import dev.payplatform.commons.metrics.UriTemplates;
import dev.payplatform.commons.web.LogContext;
import dev.payplatform.commons.web.RequestIds;
import dev.payplatform.commons.web.RouteTable;
import dev.payplatform.edge.console.service.ConsoleSessions;
import dev.payplatform.edge.service.AnonymousLimits;
import dev.payplatform.edge.service.IdempotencyStore;
import dev.payplatform.edge.service.InternalTokens;
import dev.payplatform.edge.service.KeyAuthenticator;
import dev.payplatform.edge.service.KeyPrincipal;
import dev.payplatform.edge.service.RateLimiter;
import dev.payplatform.edge.service.SecretKeys;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The edge's request path (docs/architecture.md, "Request path"): route by the route table,
 * authenticate the secret key, rate-limit, apply {@code Idempotency-Key}, attach the internal JWT,
 * and stream the request to the owning service and its answer back with the Vert.x HTTP client.
 */
@ApplicationScoped
public class EdgeProxy {
  private static final Logger LOG = Logger.getLogger(EdgeProxy.class);
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length");

  /** The buyer's address as the edge determined it, for the services' fraud rules. */
  static final String CLIENT_ADDRESS_HEADER = "x-client-address";

  private static final Set<String> NEVER_FORWARDED =
      Set.of(
          "x-api-key",
          "authorization",
          "x-forwarded-for",
          "x-forwarded-proto",
          "x-forwarded-host",
          // The console's session cookie is the edge's alone; no service needs a cookie.
          "cookie",
          "x-csrf-token",
          // The edge's client span injects its own: a service's span is a child of the edge's.
          "traceparent",
          "tracestate",
          CLIENT_ADDRESS_HEADER);
  private static final int MAX_IDEMPOTENCY_KEY = 255;

  private final RouteTable routes = RouteTable.load("edge-routes.txt");
  private static final String CSRF_HEADER = "X-CSRF-Token";
  private final KeyAuthenticator authenticator;
  private final ConsoleSessions consoleSessions;
  private final InternalTokens tokens;
  private final RateLimiter rateLimiter;
  private final AnonymousLimits anonymousLimits;
  private final List<String> trustedProxies;
  private final IdempotencyStore idempotency;
  private final Map<String, String> upstreams;
  private final Duration upstreamTimeout;
  private final long maxBody;
  private HttpClient client;

  public EdgeProxy(
      KeyAuthenticator authenticator,
      ConsoleSessions consoleSessions,
      InternalTokens tokens,
      RateLimiter rateLimiter,
      AnonymousLimits anonymousLimits,
      IdempotencyStore idempotency,
      Config config,
      @ConfigProperty(name = "edge.upstream-timeout", defaultValue = "30s")
          Duration upstreamTimeout,
      @ConfigProperty(name = "edge.max-body-size", defaultValue = "1M")
          io.quarkus.runtime.configuration.MemorySize maxBody,
      @ConfigProperty(name = "edge.trusted-proxies") Optional<List<String>> trustedProxies) {
    this.authenticator = authenticator;
    this.consoleSessions = consoleSessions;
    this.tokens = tokens;
    this.rateLimiter = rateLimiter;
    this.anonymousLimits = anonymousLimits;
    this.trustedProxies = trustedProxies.orElse(List.of());
    this.idempotency = idempotency;
    // Each service the route table names needs edge.upstream.<service>; fail at start, not later.
    this.upstreams =
        routes.routes().stream()
            .map(RouteTable.Route::service)
            .distinct()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(
                    s -> s, s -> config.getValue("edge.upstream." + s, String.class)));
    this.upstreamTimeout = upstreamTimeout;
    this.maxBody = maxBody.asLongValue();
  }

  void register(@Observes Router router, Vertx vertx) {
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(2_000)
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setMaxPoolSize(200)
                .setDecompressionSupported(false));
    router.route().order(1).handler(this::handle);
  }

  public RouteTable routes() {
    return routes;
  }

  void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    String path = request.path();
    if (!RouteTable.isProxied(path)) {
      rc.next();
      return;
    }
    Optional<String> refused = PathGuard.refusal(path);
    if (refused.isPresent()) {
      EdgeResponses.problem(rc, 400, "Invalid path", refused.get());
      return;
    }
    if (declaredLength(request) > maxBody) {
      tooLarge(rc);
      return;
    }
    if (BuyerCors.isPreflight(rc)) {
      String wanted = request.getHeader("Access-Control-Request-Method").strip();
      if (routes.match(wanted, path) instanceof RouteTable.Match.Found f
          && BuyerCors.applies(f.route(), path)) {
        BuyerCors.answerPreflight(rc, wanted);
        return;
      }
    }
    // Hold the body until we know where it goes (the key lookup is asynchronous).
    request.pause();
    RouteTable.Match match = routes.match(request.method().name(), path);
    if (match instanceof RouteTable.Match.NotFound) {
      EdgeResponses.problem(rc, 404, "Not found", "The requested resource does not exist.");
      return;
    }
    if (match instanceof RouteTable.Match.WrongMethod) {
      EdgeResponses.problem(
          rc, 405, "Method not allowed", "This method is not allowed on this path.");
      return;
    }
    RouteTable.Route route = ((RouteTable.Match.Found) match).route();
    // One catch-all route serves every path: name the span for the path's template instead, as the
    // services' spans are (never with a raw id).
    String template = UriTemplates.of(path);
    Span.current().updateName(request.method().name() + " " + template);
    Span.current().setAttribute("http.route", template);
    if (BuyerCors.applies(route, path)) {
      BuyerCors.onAnswers(rc);
    }
    String base = upstreams.get(route.service());
    if (base == null) {
      EdgeResponses.problem(
          rc, 503, "Service unavailable", "No upstream is configured for " + route.service() + ".");
      return;
    }
    if (!route.requiresKey()) {
      if (withinAnonymousLimits(rc, path)) {
        forwardStreaming(rc, route, base, null);
      }
      return;
    }
    Optional<String> presented = ApiKeyParser.presentedKey(request);
    if (presented.isEmpty()) {
      io.vertx.core.http.Cookie session = request.getCookie(ConsoleSessions.COOKIE);
      if (session != null) {
        authenticateSession(rc, route, base, session.getValue());
        return;
      }
    }
    if (presented.isEmpty() || SecretKeys.modeOf(presented.get()).isEmpty()) {
      EdgeResponses.unauthorized(rc, "Invalid API key format.");
      return;
    }
    authenticator
        .authenticate(presented.get())
        .subscribe()
        .with(
            principal -> {
              if (principal.isEmpty()) {
                EdgeResponses.unauthorized(rc, "Invalid API key.");
              } else {
                authorized(rc, route, base, principal.get());
              }
            },
            failure -> dependencyFailure(rc, "key lookup", failure));
  }

  /**
   * A console session instead of a secret key (docs/console.md): a state-changing request must
   * carry the session's CSRF token, and the user's role must allow changes. The services then get
   * the same internal JWT a key would give.
   */
  private void authenticateSession(
      RoutingContext rc, RouteTable.Route route, String base, String token) {
    consoleSessions
        .authenticate(token)
        .subscribe()
        .with(
            session -> {
              if (session.isEmpty()) {
                EdgeResponses.unauthorized(rc, "Console session expired or invalid.");
                return;
              }
              HttpMethod method = rc.request().method();
              boolean reads = method == HttpMethod.GET || method == HttpMethod.HEAD;
              if (!reads) {
                if (!ConsoleSessions.csrfMatches(token, rc.request().getHeader(CSRF_HEADER))) {
                  EdgeResponses.problem(rc, 403, "Forbidden", "Missing or invalid CSRF token.");
                  return;
                }
                if (!session.get().role().canWrite()) {
                  EdgeResponses.problem(
                      rc,
                      403,
                      "Forbidden",
                      "Your role (" + session.get().role().word() + ") can only read.");
                  return;
                }
              }
              authorized(rc, route, base, session.get().principal());
            },
            failure -> dependencyFailure(rc, "session lookup", failure));
  }

  /**
   * Per client address on every public route, and per link on a payment link's page (each visit
   * starts a payment and signs a token). False when it answered 429.
   */
  private boolean withinAnonymousLimits(RoutingContext rc, String path) {
    AnonymousLimits.Decision decision =
        anonymousLimits.client(ClientAddress.of(rc.request(), trustedProxies));
    if (decision.allowed() && isLinkVisit(rc, path)) {
      decision = anonymousLimits.linkVisit(path.substring("/link/".length()));
    }
    if (decision.allowed()) {
      return true;
    }
    rc.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
    EdgeResponses.problem(
        rc,
        429,
        "Too many requests",
        "Too many requests for this " + decision.per() + ". Retry later.");
    return false;
  }

  // GET /link/{id}: the page that mints a payment (not its thanks page).
  private static boolean isLinkVisit(RoutingContext rc, String path) {
    return rc.request().method() == HttpMethod.GET
        && path.startsWith("/link/")
        && path.indexOf('/', "/link/".length()) < 0;
  }

  private void authorized(
      RoutingContext rc, RouteTable.Route route, String base, KeyPrincipal principal) {
    LogContext.merchant(principal.merchantId(), principal.mode().claim());
    RateLimiter.Decision decision = rateLimiter.tryAcquire(principal);
    rc.response().putHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
    rc.response().putHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
    if (!decision.allowed()) {
      rc.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
      EdgeResponses.problem(
          rc,
          429,
          "Too many requests",
          "Rate limit of " + decision.limit() + " requests per second exceeded. Retry later.");
      return;
    }
    String idempotencyKey = rc.request().getHeader("Idempotency-Key");
    if (idempotencyKey != null && rc.request().method() == HttpMethod.POST) {
      if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
        EdgeResponses.problem(
            rc,
            400,
            "Invalid request",
            "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters.");
        return;
      }
    }
    tokens
        .tokenFor(principal)
        .subscribe()
        .with(
            token -> {
              if (idempotencyKey != null && rc.request().method() == HttpMethod.POST) {
                forwardIdempotent(rc, route, base, principal, token, idempotencyKey);
              } else {
                forwardStreaming(rc, route, base, token);
              }
            },
            failure -> dependencyFailure(rc, "token signing", failure));
  }

  /** The common case: request and response bodies stream through, never buffered whole. */
  private void forwardStreaming(
      RoutingContext rc, RouteTable.Route route, String base, String token) {
    HttpServerRequest request = rc.request();
    client
        .request(options(request, base))
        .onFailure(err -> upstreamFailure(rc, route, err))
        .onSuccess(
            upstream -> {
              copyRequestHeaders(request, upstream, token);
              Future<HttpClientResponse> sent;
              String length = request.getHeader("Content-Length");
              if (length != null) {
                // Within the limit (checked on arrival); the server stops at the declared length.
                upstream.putHeader("Content-Length", length);
                sent = upstream.send(request);
              } else if (request.getHeader("Transfer-Encoding") != null) {
                // No declared length: count while streaming and stop at the limit.
                upstream.setChunked(true);
                sent =
                    upstream.send(
                        new BoundedBody(
                            request,
                            maxBody,
                            () -> {
                              tooLarge(rc); // answer first: the reset fails the upstream call
                              upstream.reset();
                            }));
              } else {
                request.resume();
                sent = upstream.send();
              }
              sent.onFailure(err -> upstreamFailure(rc, route, err))
                  .onSuccess(
                      response -> {
                        copyResponseHeaders(response, rc);
                        rc.response().setStatusCode(response.statusCode());
                        rc.response().send(response);
                      });
            });
  }

  /**
   * A POST with {@code Idempotency-Key}: the body is buffered to fingerprint it, and the answer to
   * store it for replay.
   */
  private void forwardIdempotent(
      RoutingContext rc,
      RouteTable.Route route,
      String base,
      KeyPrincipal principal,
      String token,
      String key) {
    HttpServerRequest request = rc.request();
    boundedBody(rc, request)
        .onFailure(
            err -> {
              if (!(err instanceof BodyTooLarge)) {
                upstreamFailure(rc, route, err);
              }
            })
        .onSuccess(
            buffer -> {
              String fingerprint = fingerprint(request, buffer);
              idempotency
                  .claim(principal, key, fingerprint)
                  .subscribe()
                  .with(
                      claim -> {
                        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
                          rc.response()
                              .setStatusCode(replay.status())
                              .putHeader("Idempotent-Replayed", "true");
                          if (replay.contentType() != null) {
                            rc.response().putHeader("Content-Type", replay.contentType());
                          }
                          rc.response().end(Buffer.buffer(replay.body()));
                        } else if (claim instanceof IdempotencyStore.Claim.Mismatch) {
                          EdgeResponses.problem(
                              rc,
                              409,
                              "Idempotency conflict",
                              "This Idempotency-Key was already used with a different request.");
                        } else if (claim instanceof IdempotencyStore.Claim.InFlight) {
                          EdgeResponses.problem(
                              rc,
                              409,
                              "Idempotency conflict",
                              "A request with this Idempotency-Key is still being processed.");
                        } else {
                          forwardBuffered(rc, route, base, principal, token, key, buffer);
                        }
                      },
                      failure -> dependencyFailure(rc, "idempotency store", failure));
            });
  }

  private void forwardBuffered(
      RoutingContext rc,
      RouteTable.Route route,
      String base,
      KeyPrincipal principal,
      String token,
      String key,
      Buffer body) {
    HttpServerRequest request = rc.request();
    client
        .request(options(request, base))
        .compose(
            upstream -> {
              copyRequestHeaders(request, upstream, token);
              return upstream.send(body);
            })
        .compose(response -> response.body().map(b -> new Captured(response, b)))
        .onFailure(
            err -> {
              if (!neverSent(err)) {
                // Sent, but no answer (timeout, connection lost): the outcome is unknown, so the
                // key
                // stays in flight until its lease ends and a retry gets 409 "in progress"
                // meanwhile.
                upstreamFailure(rc, route, err);
                return;
              }
              idempotency
                  .release(principal, key)
                  .subscribe()
                  .with(
                      ok -> upstreamFailure(rc, route, err), f -> upstreamFailure(rc, route, err));
            })
        .onSuccess(
            captured -> {
              int status = captured.response().statusCode();
              String contentType = captured.response().getHeader("Content-Type");
              // 422 and 503 say nothing happened: forget them so the retry runs. Any other answer,
              // 500s included, may follow an effect: store it and replay it. An answer marked
              // no-store carries a secret shown once (a webhook signing secret): it is never kept;
              // a retry is told so instead of causing the effect twice.
              var settle =
                  status == 422 || status == 503
                      ? idempotency.release(principal, key)
                      : noStore(captured.response())
                          ? idempotency.complete(
                              principal, key, 409, "application/json", NOT_REPLAYED)
                          : idempotency.complete(
                              principal, key, status, contentType, captured.body().getBytes());
              settle
                  .subscribe()
                  .with(
                      ok -> {
                        copyResponseHeaders(captured.response(), rc);
                        rc.response().setStatusCode(status).end(captured.body());
                      },
                      failure -> dependencyFailure(rc, "idempotency store", failure));
            });
  }

  private record Captured(HttpClientResponse response, Buffer body) {}

  /** What a retry of a request whose answer carried a secret gets instead of that answer. */
  private static final byte[] NOT_REPLAYED =
      io.vertx.core.json.Json.encode(
              new dev.payplatform.commons.errors.ErrorBodies.Problem(
                  409,
                  "Answer not replayed",
                  "This request already succeeded, and its answer carried a secret, which is"
                      + " shown only once. Look the object up with GET, or rotate its secret."))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private static boolean noStore(HttpClientResponse response) {
    String cacheControl = response.getHeader("Cache-Control");
    return cacheControl != null
        && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-store");
  }

  // ---------------------------------------------------------------- bounded bodies

  private static long declaredLength(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    try {
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1; // the HTTP server refuses a malformed length itself
    }
  }

  /** The body, read whole but never past the limit: past it, 413 and the connection closes. */
  private Future<Buffer> boundedBody(RoutingContext rc, HttpServerRequest request) {
    Promise<Buffer> done = Promise.promise();
    Buffer body = Buffer.buffer();
    request.handler(
        chunk -> {
          if (done.future().isComplete()) {
            return;
          }
          if (body.length() + (long) chunk.length() > maxBody) {
            done.tryFail(new BodyTooLarge());
            tooLarge(rc);
            return;
          }
          body.appendBuffer(chunk);
        });
    request.exceptionHandler(done::tryFail);
    request.endHandler(v -> done.tryComplete(body));
    request.resume();
    return done.future();
  }

  /** 413, then the connection is closed so the rest of the body is never read. */
  private void tooLarge(RoutingContext rc) {
    if (rc.response().ended() || rc.response().headWritten()) {
      rc.request().connection().close();
      return;
    }
    rc.response().putHeader("Connection", "close");
    rc.response().endHandler(v -> rc.request().connection().close());
    EdgeResponses.problem(
        rc,
        413,
        "Payload too large",
        "The request body is larger than " + maxBody + " bytes, the most this API accepts.");
  }

  /** A body that passed the limit (already answered 413). */
  private static final class BodyTooLarge extends RuntimeException {
    BodyTooLarge() {
      super(null, null, false, false);
    }
  }

  private RequestOptions options(HttpServerRequest request, String base) {
    return new RequestOptions()
        .setMethod(request.method())
        .setAbsoluteURI(base + request.uri())
        .setIdleTimeout(upstreamTimeout.toMillis());
  }

  private void copyRequestHeaders(HttpServerRequest from, HttpClientRequest to, String token) {
    MultiMap headers = from.headers();
    for (Map.Entry<String, String> h : headers) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !NEVER_FORWARDED.contains(name)) {
        to.headers().add(h.getKey(), h.getValue());
      }
    }
    if (token != null) {
      to.putHeader("Authorization", "Bearer " + token);
    }
    // Only the edge says who the client is (an incoming X-Client-Address is dropped above).
    to.putHeader(CLIENT_ADDRESS_HEADER, ClientAddress.of(from, trustedProxies));
    String client = from.remoteAddress() == null ? "unknown" : from.remoteAddress().hostAddress();
    String priorFor = from.getHeader("X-Forwarded-For");
    to.putHeader("X-Forwarded-For", priorFor == null ? client : priorFor + ", " + client);
    String proto = from.getHeader("X-Forwarded-Proto");
    to.putHeader("X-Forwarded-Proto", proto != null ? proto : from.scheme());
    String host = from.getHeader("X-Forwarded-Host");
    String requestHost = from.authority() == null ? null : from.authority().toString();
    if (host != null || requestHost != null) {
      to.putHeader("X-Forwarded-Host", host != null ? host : requestHost);
    }
  }

  private static void copyResponseHeaders(HttpClientResponse from, RoutingContext rc) {
    for (Map.Entry<String, String> h : from.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (HOP_BY_HOP.contains(name) && !name.equals("content-length")) {
        continue;
      }
      if (name.equals(RequestIds.HEADER.toLowerCase(Locale.ROOT))) {
        continue; // the edge already answers with the request id
      }
      rc.response().headers().add(h.getKey(), h.getValue());
    }
    if (from.getHeader("Content-Length") == null) {
      rc.response().setChunked(true);
    }
  }

  private static String fingerprint(HttpServerRequest request, Buffer body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          (request.method().name() + " " + request.uri() + "\n").getBytes(StandardCharsets.UTF_8));
      digest.update(body.getBytes());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void upstreamFailure(RoutingContext rc, RouteTable.Route route, Throwable err) {
    if (rc.response().ended()) {
      return; // answered already (a body past the limit: 413, then the upstream call was reset)
    }
    if (isTimeout(err)) {
      LOG.warnf("%s did not answer in time: %s", route.service(), err.getMessage());
      EdgeResponses.problem(
          rc,
          504,
          "Gateway timeout",
          "The " + route.service() + " service did not answer in time. Please retry.");
    } else {
      LOG.warnf("%s is unavailable: %s", route.service(), err.toString());
      EdgeResponses.problem(
          rc,
          503,
          "Service unavailable",
          "The " + route.service() + " service is not available right now. Please retry.");
    }
  }

  /** The upstream never received the request: the connection could not be opened. */
  private static boolean neverSent(Throwable err) {
    for (Throwable t = err; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof io.netty.channel.ConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTimeout(Throwable err) {
    for (Throwable t = err; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof io.netty.handler.timeout.TimeoutException
          || t.getClass().getSimpleName().contains("Timeout")) {
        return !(t instanceof ConnectException);
      }
    }
    return false;
  }

  private static void dependencyFailure(RoutingContext rc, String what, Throwable failure) {
    LOG.errorf(failure, "edge %s failed for request %s", what, RequestIds.current().orElse("-"));
    EdgeResponses.problem(
        rc, 503, "Service unavailable", "The API is briefly unavailable. Please retry.");
  }
}
