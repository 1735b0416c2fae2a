package dev.payplatform.billing.service.subscriptions;

import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.InvoiceStatus;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.domain.SubscriptionStatus;
import dev.payplatform.billing.messaging.BillingEvents;
import dev.payplatform.commons.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Ends a subscription, however it ends (canceled now or at period end, trial unpaid, incomplete
 * expired, last retry failed). Runs inside the caller's transaction on a locked subscription.
 */
@ApplicationScoped
public class SubscriptionEndings {
  private final BillingEvents events;
  private final InstantSource clock;

  public SubscriptionEndings(BillingEvents events, InstantSource clock) {
    this.events = events;
    this.clock = clock;
  }

  /**
   * Ends the subscription at {@code at} (on its clock); an invoice still open is voided. Emits
   * subscription.canceled; false when it cannot end from where it is.
   */
  public Uni<Boolean> end(
      Subscription s, Invoice latest, SubscriptionStatus finalStatus, String reason, Instant at) {
    Instant now = Timestamps.now(clock);
    if (!s.end(finalStatus, reason, at, now)) {
      return Uni.createFrom().item(false);
    }
    if (latest != null && latest.isOpen()) {
      latest.moveTo(InvoiceStatus.VOID, now);
    }
    return events.subscription(BillingEvents.SUBSCRIPTION_CANCELED, s, latest).replaceWith(true);
  }
}
