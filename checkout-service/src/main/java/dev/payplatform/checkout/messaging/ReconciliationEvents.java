package dev.payplatform.checkout.messaging;

import dev.payplatform.checkout.config.CheckoutTopicsConfig;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationItem;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationRun;
import dev.payplatform.commons.events.OutgoingEvent;
import dev.payplatform.commons.outbox.OutboxWriter;
import dev.payplatform.commons.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reconciliation's events on {@code checkout.events} (docs/connectors.md, reconciliation; schemas
 * in docs/events/checkout/reconciliation_*): operators' only, never in a merchant's log or
 * webhooks. Appended to the outbox in the run's (or the resolution's) transaction.
 */
@ApplicationScoped
public class ReconciliationEvents {
  public static final String RECONCILIATION_RUN_COMPLETED = "reconciliation_run.completed";
  public static final String RECONCILIATION_ITEM_CREATED = "reconciliation_item.created";
  public static final String RECONCILIATION_ITEM_RESOLVED = "reconciliation_item.resolved";

  private final OutboxWriter outbox;
  private final String topic;

  public ReconciliationEvents(OutboxWriter outbox, CheckoutTopicsConfig topics) {
    this.outbox = outbox;
    this.topic = topics.checkout();
  }

  /** A run finished (key = the run id): ops read its counts; nothing consumes it. */
  public Uni<String> reconciliationRunCompleted(ReconciliationRun run) {
    return outbox.append(
        new OutgoingEvent(
            topic,
            RECONCILIATION_RUN_COMPLETED,
            run.id,
            null,
            true,
            new ReconciliationRunCompleted(
                run.id,
                run.gatewayAccountId,
                run.businessDay.toString(),
                run.trigger,
                run.reportLines,
                run.items,
                run.matched,
                run.differences)));
  }

  /**
   * An item (key = the item id; the merchant is its payment's, none for a line the platform has no
   * record of): payments-service posts what it settles to the ledger.
   */
  public Uni<String> reconciliationItemCreated(ReconciliationItem i) {
    return outbox.append(
        new OutgoingEvent(
            topic,
            RECONCILIATION_ITEM_CREATED,
            i.id,
            i.merchantId,
            true,
            ReconciliationItemData.of(i)));
  }

  /** An operator resolved a difference, with a note: the audit record of the resolution. */
  public Uni<String> reconciliationItemResolved(ReconciliationItem i) {
    return outbox.append(
        new OutgoingEvent(
            topic,
            RECONCILIATION_ITEM_RESOLVED,
            i.id,
            i.merchantId,
            true,
            ReconciliationItemData.of(i)));
  }

  /** {@code reconciliation_run.completed}. */
  public record ReconciliationRunCompleted(
      String id,
      String gatewayAccountId,
      String businessDay,
      String trigger,
      int reportLines,
      int items,
      int matched,
      int differences) {}

  /**
   * {@code reconciliation_item.created} and {@code .resolved}: the item as the operator API shows
   * it. Amounts are minor units of their currency, positive as the report and the journal state
   * them; {@code line_type} and {@code record_kind} say which way the money went.
   */
  public record ReconciliationItemData(
      String id,
      String runId,
      String gatewayAccountId,
      String businessDay,
      String kind,
      String status,
      String rrn,
      String lineType,
      Long acquirerAmount,
      String acquirerCurrency,
      String acquirerAuthorizationCode,
      String recordKind,
      String platformDay,
      Long platformAmount,
      String platformCurrency,
      String platformAuthorizationCode,
      String paymentId,
      String refundId,
      boolean fromSuspense,
      String resolutionNote,
      String resolvedBy,
      String resolvedAt,
      String createdAt) {
    public static ReconciliationItemData of(ReconciliationItem i) {
      return new ReconciliationItemData(
          i.id,
          i.runId,
          i.gatewayAccountId,
          i.businessDay.toString(),
          i.kind.wire(),
          i.status.wire(),
          i.rrn,
          i.lineType,
          i.acquirerAmount,
          i.acquirerCurrency,
          i.acquirerAuthorization,
          i.recordKind,
          i.platformDay == null ? null : i.platformDay.toString(),
          i.platformAmount,
          i.platformCurrency,
          i.platformAuthorization,
          i.paymentId,
          i.refundId,
          i.fromSuspense,
          i.resolutionNote,
          i.resolvedBy,
          i.resolvedAt == null ? null : Timestamps.format(i.resolvedAt),
          Timestamps.format(i.createdAt));
    }
  }
}
