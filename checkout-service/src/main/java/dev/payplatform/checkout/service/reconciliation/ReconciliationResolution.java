package dev.payplatform.checkout.service.reconciliation;

import dev.payplatform.checkout.domain.reconciliation.ReconciliationItem;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationNotFound;
import dev.payplatform.checkout.messaging.ReconciliationEvents;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * An operator resolves an open difference with a note (what was found, what was done: a chargeback
 * raised, an adjustment posted). The item is locked, moved to {@code resolved} once, and {@code
 * reconciliation_item.resolved} records who and why on {@code checkout.events}. Resolving moves no
 * money: the difference stays in suspense until an adjustment moves it.
 */
@ApplicationScoped
public class ReconciliationResolution {
  private static final Logger LOG = Logger.getLogger(ReconciliationResolution.class);

  private final ReconciliationEvents events;
  private final ReconciliationMetrics metrics;
  private final InstantSource clock;

  public ReconciliationResolution(
      ReconciliationEvents events, ReconciliationMetrics metrics, InstantSource clock) {
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Uni<ReconciliationItem> resolve(String itemId, String resolvedBy, String note) {
    return Panache.withTransaction(
            () ->
                ReconciliationItem.<ReconciliationItem>findById(
                        itemId, LockModeType.PESSIMISTIC_WRITE)
                    .onItem()
                    .ifNull()
                    .failWith(() -> new ReconciliationNotFound("item", itemId))
                    .invoke(i -> i.resolve(resolvedBy, note, Timestamps.now(clock)))
                    .call(events::reconciliationItemResolved)
                    .invoke(
                        i ->
                            LOG.infof(
                                "reconciliation item %s (%s, %s) resolved by %s: %s",
                                i.id, i.kind.wire(), i.rrn, resolvedBy, note)))
        .call(metrics::refresh);
  }
}
