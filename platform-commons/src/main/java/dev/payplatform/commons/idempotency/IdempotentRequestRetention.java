package dev.payplatform.commons.idempotency;

import dev.payplatform.commons.config.IdempotencyConfig;
import dev.payplatform.commons.config.RetentionConfig;
import dev.payplatform.commons.retention.RetentionSweep;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/**
 * Forgets an {@code Idempotency-Key} after {@code platform.idempotency.retention} (72 h): longer
 * than the edge's 24 h, so the service's record still decides when the edge's has gone.
 */
@Singleton
public class IdempotentRequestRetention extends RetentionSweep {
  private static final String DELETE =
      "delete from idempotent_request where (merchant_id, livemode, idempotency_key) in"
          + " (select merchant_id, livemode, idempotency_key from idempotent_request"
          + " where created_at < ?1 limit ?2 for update skip locked)";

  public IdempotentRequestRetention(
      InstantSource clock, IdempotencyConfig idempotency, RetentionConfig config) {
    super(
        new Batch("retention-idempotent-requests", idempotency.retention(), DELETE), clock, config);
  }
}
