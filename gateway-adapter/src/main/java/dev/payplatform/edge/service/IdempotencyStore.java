package dev.payplatform.edge.service;

import dev.payplatform.edge.config.EdgeConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * {@code Idempotency-Key} records (docs/decisions/0004-edge-keys-tokens-limits.md), scoped by
 * merchant + mode + key, kept 24 h. The first request inserts an {@code in_flight} row; a
 * concurrent twin finds it and gets 409, so exactly one request is forwarded. The finished response
 * is stored and replayed for the same body, server errors included (the request may have taken
 * effect: a retry must not run it twice); a different body is a 409. Only answers that say nothing
 * happened are forgotten, so the fixed or retried request goes through: validation failures (422)
 * and 503 (a dependency was unavailable).
 *
 * <p>An {@code in_flight} row holds a short lease ({@code edge.idempotency.in-flight-lease}), not
 * the 24 h: an upstream that never answered leaves its outcome unknown, so retries get 409 "in
 * progress" until the lease ends; a crashed edge's rows free their keys after the lease too.
 */
@ApplicationScoped
public class IdempotencyStore {
  /** The outcome of claiming a key. */
  public sealed interface Claim {
    record Proceed() implements Claim {}

    record Replay(int status, String contentType, byte[] body) implements Claim {}

    record InFlight() implements Claim {}

    record Mismatch() implements Claim {}
  }

  private static final String CLAIM =
      "insert into idempotency_record (merchant_id, livemode, idem_key, fingerprint, state,"
          + " expires_at) values ($1, $2, $3, $4, 'in_flight', now() + $5 * interval '1 second')"
          + " on conflict (merchant_id, livemode, idem_key) do update"
          + " set fingerprint = excluded.fingerprint, state = 'in_flight', response_status = null,"
          + " response_content_type = null, response_body = null, created_at = now(),"
          + " expires_at = excluded.expires_at"
          + " where idempotency_record.expires_at < now()"
          + " returning idem_key";
  private static final String EXISTING =
      "select fingerprint, state, response_status, response_content_type, response_body"
          + " from idempotency_record where merchant_id = $1 and livemode = $2 and idem_key = $3";
  private static final String COMPLETE =
      "update idempotency_record set state = 'done', response_status = $4,"
          + " response_content_type = $5, response_body = $6,"
          + " expires_at = now() + $7 * interval '1 second'"
          + " where merchant_id = $1 and livemode = $2 and idem_key = $3";
  private static final String RELEASE =
      "delete from idempotency_record where merchant_id = $1 and livemode = $2 and idem_key = $3";

  private final Pool pool;
  private final Duration ttl;
  private final Duration inFlightLease;

  public IdempotencyStore(Pool pool, EdgeConfig config) {
    this.pool = pool;
    this.ttl = config.idempotency().ttl();
    this.inFlightLease = config.idempotency().inFlightLease();
  }

  public Uni<Claim> claim(KeyPrincipal p, String key, String fingerprint) {
    Tuple pk = Tuple.of(p.merchantId(), p.mode().livemode(), key);
    return pool.preparedQuery(CLAIM)
        .execute(
            Tuple.of(
                p.merchantId(), p.mode().livemode(), key, fingerprint, inFlightLease.toSeconds()))
        .chain(
            inserted -> {
              if (inserted.rowCount() == 1) {
                return Uni.createFrom().<Claim>item(new Claim.Proceed());
              }
              return pool.preparedQuery(EXISTING)
                  .execute(pk)
                  .map(
                      rows -> {
                        if (!rows.iterator().hasNext()) {
                          // Released between our insert and this read: treat as still running.
                          return new Claim.InFlight();
                        }
                        Row r = rows.iterator().next();
                        if (!fingerprint.equals(r.getString("fingerprint"))) {
                          return new Claim.Mismatch();
                        }
                        if (!"done".equals(r.getString("state"))) {
                          return new Claim.InFlight();
                        }
                        Buffer body = r.getBuffer("response_body");
                        return new Claim.Replay(
                            r.getInteger("response_status"),
                            r.getString("response_content_type"),
                            body == null ? new byte[0] : body.getBytes());
                      });
            });
  }

  public Uni<Void> complete(
      KeyPrincipal p, String key, int status, String contentType, byte[] body) {
    return pool.preparedQuery(COMPLETE)
        .execute(
            Tuple.of(p.merchantId(), p.mode().livemode(), key, status)
                .addString(contentType)
                .addBuffer(Buffer.buffer(body))
                .addLong(ttl.toSeconds()))
        .replaceWithVoid();
  }

  /** Forgets a claim whose request took no effect (validation failure, 503, never sent). */
  public Uni<Void> release(KeyPrincipal p, String key) {
    return pool.preparedQuery(RELEASE)
        .execute(Tuple.of(p.merchantId(), p.mode().livemode(), key))
        .replaceWithVoid();
  }
}
