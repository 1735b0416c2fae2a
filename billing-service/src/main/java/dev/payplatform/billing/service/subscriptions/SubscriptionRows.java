package dev.payplatform.billing.service.subscriptions;

import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.domain.SubscriptionNotFound;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

/**
 * How every subscription change loads its rows. A change row-locks the subscription first (select
 * ... for update), then touches its invoices, so the renewal sweep, the test clock and checkout's
 * charge outcomes never interleave on one subscription.
 */
public final class SubscriptionRows {
  private SubscriptionRows() {}

  /**
   * Loads and row-locks a subscription for this transaction. By id alone: for the sweeps (every
   * tenant) and for checkout's outcomes, whose invoice was found by tenant.
   */
  public static Uni<Subscription> lock(String id) {
    return Subscription.<Subscription>find("id = ?1", id)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult();
  }

  /** Loads and row-locks a subscription of this tenant; null when there is none. */
  public static Uni<Subscription> lock(Tenant tenant, String id) {
    return Subscription.<Subscription>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult();
  }

  /** Loads and row-locks this tenant's subscription, or fails with {@link SubscriptionNotFound}. */
  public static Uni<Subscription> lockOrNotFound(Tenant tenant, String id) {
    if (!Ids.looksLike(id, Subscription.ID_PREFIX)) {
      return Uni.createFrom().failure(new SubscriptionNotFound(id));
    }
    return lock(tenant, id).onItem().ifNull().failWith(() -> new SubscriptionNotFound(id));
  }

  public static Uni<Invoice> latestInvoice(Subscription s) {
    if (s.latestInvoiceId == null) {
      return Uni.createFrom().nullItem();
    }
    return Invoice.findById(s.latestInvoiceId);
  }
}
