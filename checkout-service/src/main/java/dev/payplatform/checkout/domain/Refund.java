package dev.payplatform.checkout.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A refund billing-service asked for (its {@code re_…} id) and the processor's answer. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {
  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String paymentId;
  public String paymentIntentId;
  public long amount;
  public String currency;
  public RefundStatus status;
  public String failureReason;
  public String processorRef;
  public Instant createdAt;

  /** A refund billing asked for, pending until the processor answers (never stored pending). */
  public static Refund requested(
      String id,
      String merchantId,
      boolean livemode,
      String paymentId,
      long amount,
      String currency,
      Instant now) {
    Refund r = new Refund();
    r.id = id;
    r.merchantId = merchantId;
    r.livemode = livemode;
    r.paymentId = paymentId;
    r.amount = amount;
    r.currency = currency;
    r.status = RefundStatus.PENDING;
    r.createdAt = now;
    return r;
  }

  /** The processor refunded it under {@code reference}. */
  public void succeed(String reference) {
    status = RefundStatus.TRANSITIONS.move(id, status, RefundStatus.SUCCEEDED);
    processorRef = reference;
  }

  /** Not refunded, for {@code reason}. */
  public void fail(String reason) {
    status = RefundStatus.TRANSITIONS.move(id, status, RefundStatus.FAILED);
    failureReason = reason;
  }
}
