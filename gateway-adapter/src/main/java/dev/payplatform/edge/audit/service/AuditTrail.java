package dev.payplatform.edge.audit.service;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Writes the audit log (docs/console.md, "Activity"): one append-only row per call, written before
 * the caller gets the answer. Straight on the reactive pool, so the edge's request path can record
 * without a Hibernate session. A row that cannot be written does not turn a done effect into an
 * error: it is logged whole at ERROR and counted ({@code platform_audit_events_unrecorded_total}),
 * which the alert {@code PayplatformAuditEventUnrecorded} watches.
 */
@ApplicationScoped
public class AuditTrail {
  private static final Logger LOG = Logger.getLogger(AuditTrail.class);

  private static final String INSERT =
      "insert into audit_event (id, merchant_id, livemode, created_at, actor_type, actor_id,"
          + " actor_email, action, object_id, outcome, status, ip_address, method, path)"
          + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

  private final Pool pool;
  private final InstantSource clock;
  private final Counter unrecorded;

  public AuditTrail(Pool pool, InstantSource clock, MeterRegistry registry) {
    this.pool = pool;
    this.clock = clock;
    this.unrecorded =
        Counter.builder("platform_audit_events_unrecorded")
            .description("Audit rows that could not be written (each is in the log at ERROR)")
            .register(registry);
  }

  /** Records one call; never fails. */
  public Uni<Void> record(AuditEntry e) {
    Tuple row =
        Tuple.tuple()
            .addString(Ids.newId("aud"))
            .addString(e.merchantId())
            .addValue(e.livemode())
            .addOffsetDateTime(Timestamps.now(clock).atOffset(ZoneOffset.UTC))
            .addString(e.actor().word())
            .addString(e.actorId())
            .addString(e.actorEmail())
            .addString(e.action())
            .addString(e.objectId())
            .addString(e.succeeded() ? "success" : "failure")
            .addInteger(e.status())
            .addString(e.ipAddress())
            .addString(e.method())
            .addString(e.path());
    return pool.preparedQuery(INSERT)
        .execute(row)
        .replaceWithVoid()
        .onFailure()
        .recoverWithItem(
            failure -> {
              unrecorded.increment();
              LOG.errorf(failure, "audit event not recorded: %s", e);
              return null;
            });
  }
}
