package dev.payplatform.billing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;

/**
 * Read model of a payment from payments.events plus billing's refund ledger for it. The refundable
 * remainder is {@code amount - max(refunded_total, refunds_succeeded) - refunds_pending}: the
 * larger of what payments-service reports refunded and what billing saw succeed (they converge; the
 * larger is the safe one), minus what pending refunds reserved.
 */
@Entity
@Table(name = "payment_record")
public class PaymentRecord extends PanacheEntityBase {
  public static final String ID_PREFIX = "pay";

  /** Statuses a refund may start from. */
  public static final Set<String> REFUNDABLE = Set.of("completed", "partially_refunded");

  private static final Set<String> STATUSES =
      Set.of(
          "pending",
          "requires_action",
          "completed",
          "failed",
          "canceled",
          "partially_refunded",
          "refunded");

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public long amount;
  public String currency;
  public String status;
  public long refundedTotal;
  public long refundsSucceeded;
  public long refundsPending;
  public Instant eventTime;
  public Instant receivedAt;

  public long refundable() {
    return Math.max(0, amount - Math.max(refundedTotal, refundsSucceeded) - refundsPending);
  }

  /** The public status word; payments' internal "succeeded" means "completed". */
  public static String normalise(String status) {
    return "succeeded".equals(status) ? "completed" : status;
  }

  /** One of the public payment statuses (the ranking lives in SQL: payment_status_rank). */
  public static boolean isKnownStatus(String status) {
    return status != null && STATUSES.contains(status);
  }
}
