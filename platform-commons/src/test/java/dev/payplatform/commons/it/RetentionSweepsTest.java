package dev.payplatform.commons.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.commons.idempotency.IdempotentRequestRetention;
import dev.payplatform.commons.inbox.InboxRetention;
import dev.payplatform.commons.outbox.OutboxRetention;
import dev.payplatform.commons.retention.RetentionSweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.commons.testing.SweepPasses;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every service's retention sweeps for the commons tables: published outbox rows after 7 days (an
 * unpublished one never), inbox ids after 30 days, idempotency keys after 72 hours; younger rows
 * stay.
 */
@QuarkusTest
class RetentionSweepsTest {
  private static final String OUTBOX =
      "insert into outbox_event (event_id, topic, aggregate_key, event_type, source, payload,"
          + " occurred_at, published_at, parked_at) values (?, 'retention.test', 'k', 'note.created',"
          + " '/platform-commons-it', cast('{}' as jsonb), now() - interval '30 days',"
          + " now() - cast(? as interval), cast(? as timestamptz))";

  @Inject OutboxRetention outbox;
  @Inject InboxRetention inbox;
  @Inject IdempotentRequestRetention idempotency;
  @Inject Vertx vertx;

  @Test
  void publishedOutboxRowsGoAfterTheirRetentionAndUnpublishedOnesNever() throws Exception {
    String old = "evt_" + UUID.randomUUID();
    String young = "evt_" + UUID.randomUUID();
    String unpublished = "evt_" + UUID.randomUUID();
    Db.update(OUTBOX, old, "8 days", null);
    Db.update(OUTBOX, young, "1 day", null);
    // Parked, so the relay leaves it unpublished: 30 days old and still waiting for an operator.
    Db.update(
        OUTBOX.replace("now() - cast(? as interval)", "cast(? as timestamptz)"),
        unpublished,
        null,
        java.sql.Timestamp.from(java.time.Instant.now()));

    assertThat(pass(outbox).resolved()).isGreaterThanOrEqualTo(1);

    assertThat(Db.count("select count(*) from outbox_event where event_id = ?", old)).isZero();
    assertThat(Db.count("select count(*) from outbox_event where event_id = ?", young)).isOne();
    assertThat(Db.count("select count(*) from outbox_event where event_id = ?", unpublished))
        .isOne();
  }

  @Test
  void inboxIdsAndIdempotencyKeysGoAfterTheirRetention() throws Exception {
    String consumer = "retention-" + UUID.randomUUID();
    String ids =
        "insert into inbox_event (consumer, event_id, processed_at) values (?, ?, now() - cast(? as interval))";
    Db.update(ids, consumer, "old", "31 days");
    Db.update(ids, consumer, "young", "29 days");
    String merchant = "acct_" + UUID.randomUUID().toString().substring(0, 8);
    String keys =
        "insert into idempotent_request (merchant_id, livemode, idempotency_key, fingerprint,"
            + " created_at) values (?, false, ?, 'f', now() - cast(? as interval))";
    Db.update(keys, merchant, "old", "73 hours");
    Db.update(keys, merchant, "young", "71 hours");

    assertThat(pass(inbox).resolved()).isGreaterThanOrEqualTo(1);
    assertThat(pass(idempotency).resolved()).isGreaterThanOrEqualTo(1);

    assertThat(
            Db.string(
                "select string_agg(event_id, ',') from inbox_event where consumer = ?", consumer))
        .isEqualTo("young");
    assertThat(
            Db.string(
                "select string_agg(idempotency_key, ',') from idempotent_request where merchant_id = ?",
                merchant))
        .isEqualTo("young");
  }

  private Sweeps.Pass pass(RetentionSweep sweep) throws Exception {
    return SweepPasses.runOnce(vertx, sweep);
  }
}
