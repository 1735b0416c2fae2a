package dev.payplatform.edge.proxy;

import dev.payplatform.commons.errors.ErrorBodies;
import dev.payplatform.edge.service.IdempotencyStore;
import dev.payplatform.edge.service.KeyPrincipal;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Step 8: a merchant's POST with {@code Idempotency-Key} (docs/api: "Idempotent requests"). The
 * body is read whole and fingerprinted, and the key claimed: a finished request's answer is
 * replayed, a different request under the same key or one still running gets 409, and a new one
 * goes on with an {@link AnswerKeeper} that stores the service's answer for replay.
 */
@Singleton
class Idempotency implements Handler<RoutingContext> {
  static final String HEADER = "Idempotency-Key";
  private static final int MAX_KEY = 255;

  /** What a retry of a request whose answer carried a secret gets instead of that answer. */
  private static final byte[] NOT_REPLAYED =
      Json.encode(
              new ErrorBodies.Problem(
                  409,
                  "Answer not replayed",
                  "This request already succeeded, and its answer carried a secret, which is"
                      + " shown only once. Look the object up with GET, or rotate its secret."))
          .getBytes(StandardCharsets.UTF_8);

  private final IdempotencyStore store;
  private final BodyLimit bodyLimit;

  Idempotency(IdempotencyStore store, BodyLimit bodyLimit) {
    this.store = store;
    this.bodyLimit = bodyLimit;
  }

  @Override
  public void handle(RoutingContext rc) {
    EdgeExchange exchange = EdgeExchange.of(rc);
    String key = rc.request().getHeader(HEADER);
    KeyPrincipal principal = exchange.principal();
    if (key == null || principal == null || rc.request().method() != HttpMethod.POST) {
      rc.next();
      return;
    }
    if (key.isBlank() || key.length() > MAX_KEY) {
      EdgeResponses.problem(
          rc, 400, "Invalid request", "Idempotency-Key must be 1 to " + MAX_KEY + " characters.");
      return;
    }
    bodyLimit
        .readWhole(rc)
        .onFailure(
            err -> {
              if (!(err instanceof BodyLimit.TooLarge)) {
                EdgeResponses.upstreamFailure(rc, exchange.route().service(), err);
              }
            })
        .onSuccess(body -> claim(rc, exchange, principal, key, body));
  }

  private void claim(
      RoutingContext rc, EdgeExchange exchange, KeyPrincipal principal, String key, Buffer body) {
    store
        .claim(principal, key, fingerprint(rc.request(), body))
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
                exchange.idempotent(
                    new EdgeExchange.IdempotentCall(body, new StoredAnswer(store, principal, key)));
                rc.next();
              }
            },
            failure -> EdgeResponses.dependencyFailure(rc, "idempotency store", failure));
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

  /** The claimed key's record: freed, or completed with the service's answer. */
  private record StoredAnswer(IdempotencyStore store, KeyPrincipal principal, String key)
      implements AnswerKeeper {

    @Override
    public Uni<Void> forget() {
      return store.release(principal, key);
    }

    @Override
    public Uni<Void> keep(int status, MultiMap headers, byte[] body) {
      // 422 and 503 say nothing happened: forget them so the retry runs. Any other answer, 500s
      // included, may follow an effect: store it and replay it. An answer marked no-store carries
      // a secret shown once (a webhook signing secret): it is never kept; a retry is told so
      // instead of causing the effect twice.
      if (status == 422 || status == 503) {
        return store.release(principal, key);
      }
      if (noStore(headers)) {
        return store.complete(principal, key, 409, "application/json", NOT_REPLAYED);
      }
      return store.complete(principal, key, status, headers.get("Content-Type"), body);
    }

    private static boolean noStore(MultiMap headers) {
      String cacheControl = headers.get("Cache-Control");
      return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-store");
    }
  }
}
