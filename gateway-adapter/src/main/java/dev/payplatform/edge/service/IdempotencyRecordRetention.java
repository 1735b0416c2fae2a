package dev.payplatform.edge.service;

import dev.payplatform.commons.config.RetentionConfig;
import dev.payplatform.commons.retention.RetentionSweep;
import dev.payplatform.edge.config.EdgeConfig;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/**
 * Deletes idempotency records {@code edge.retention.idempotency-records} after they expired (an
 * expired one is also reused in place by its key's next request).
 */
@Singleton
public class IdempotencyRecordRetention extends RetentionSweep {
  private static final String DELETE =
      "delete from idempotency_record where (merchant_id, livemode, idem_key) in"
          + " (select merchant_id, livemode, idem_key from idempotency_record"
          + " where expires_at < ?1 limit ?2 for update skip locked)";

  public IdempotencyRecordRetention(InstantSource clock, EdgeConfig edge, RetentionConfig config) {
    super(
        new Batch("retention-idempotency-records", edge.retention().idempotencyRecords(), DELETE),
        clock,
        config);
  }
}
