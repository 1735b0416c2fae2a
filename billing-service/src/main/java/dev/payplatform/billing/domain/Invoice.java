package dev.payplatform.billing.domain;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.state.Transitions;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * What a subscription bills for one period; its statuses and their moves are {@link InvoiceStatus}.
 * Each off-session charge attempt gets a fresh payment id.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {
  private static final Logger LOG = Logger.getLogger(Invoice.class);
  public static final String ID_PREFIX = "in";

  public static final String REASON_CREATE = "subscription_create";
  public static final String REASON_CYCLE = "subscription_cycle";

  /**
   * A new open invoice of {@code s} for {@code billingReason}; it becomes the subscription's
   * latest. {@code createdAt} is on the subscription's clock (test clocks move it), {@code
   * updatedAt} on the real one.
   */
  public static Invoice openFor(
      Subscription s,
      long amount,
      String currency,
      String billingReason,
      Instant createdAt,
      Instant updatedAt) {
    Invoice inv = new Invoice();
    inv.id = Ids.newId(ID_PREFIX);
    inv.merchantId = s.merchantId;
    inv.livemode = s.livemode;
    inv.subscriptionId = s.id;
    inv.customerId = s.customerId;
    inv.amount = amount;
    inv.currency = currency;
    inv.status = InvoiceStatus.OPEN;
    inv.billingReason = billingReason;
    inv.createdAt = createdAt;
    inv.updatedAt = updatedAt;
    s.latestInvoiceId = inv.id;
    return inv;
  }

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String subscriptionId;
  public String customerId;
  public long amount;
  public String currency;
  public InvoiceStatus status;
  public String billingReason;
  public Instant periodStart;
  public Instant periodEnd;
  public int attemptCount;
  public String paymentId;
  public String paymentIntentId;
  public boolean chargePending;
  // The payment every visit of the invoice's page pays (one open payment per invoice).
  public String hostedPaymentId;
  // When the pending off-session charge was last requested (real time), and how often.
  public Instant chargeRequestedAt;
  public int chargeRequests;
  public Instant nextPaymentAttempt;
  public String lastFailureReason;
  public Instant paidAt;
  public Instant createdAt;
  public Instant updatedAt;

  public boolean isRenewal() {
    return REASON_CYCLE.equals(billingReason);
  }

  public boolean isOpen() {
    return status == InvoiceStatus.OPEN;
  }

  /** Moves to {@code next} at {@code now} if allowed; otherwise logs and ignores. */
  public boolean moveTo(InvoiceStatus next, Instant now) {
    if (InvoiceStatus.TRANSITIONS.check(status, next) != Transitions.Move.MOVED) {
      LOG.infof("invoice %s: ignoring transition %s -> %s", id, status.wire(), next.wire());
      return false;
    }
    status = next;
    chargePending = false;
    nextPaymentAttempt = null;
    updatedAt = now;
    return true;
  }
}
