package dev.payplatform.billing.domain;

import dev.payplatform.commons.ids.Ids;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Read model of a payment from payments.events plus billing's refund ledger for it. The refundable
 * remainder is {@code amount - max(refunded_total, refunds_succeeded) - refunds_pending}: the
 * larger of what payments-service reports refunded and what billing saw succeed (they converge; the
 * larger is the safe one), minus what pending refunds reserved and what a lost dispute already
 * returned to the cardholder.
 */
@Entity
@Table(name = "payment_record")
public class PaymentRecord extends PanacheEntityBase {
  public static final String ID_PREFIX = Ids.PAYMENT;

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public long amount;
  public String currency;
  public PaymentRecordStatus status;
  public long refundedTotal;
  public long refundsSucceeded;
  public long refundsPending;
  public Instant eventTime;
  public Instant receivedAt;

  /** Its latest dispute, whether that is still open, and what a lost one gave the cardholder. */
  public String disputeId;

  public boolean disputeOpen;
  public long disputeLostAmount;

  public long refundable() {
    return Math.max(
        0, amount - Math.max(refundedTotal, refundsSucceeded) - refundsPending - disputeLostAmount);
  }

  /** A refund may start from here (completed or partially refunded). */
  public boolean isRefundable() {
    return PaymentRecordStatus.REFUNDABLE.contains(status);
  }
}
