package dev.payplatform.checkout.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A refund billing-service asked for (its {@code re_…} id) and the processor's answer. */
@Entity
@Table(name = "refund")
public class ProcessorRefund extends PanacheEntityBase {
  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String paymentId;
  public String paymentIntentId;
  public long amount;
  public String currency;
  public ProcessorRefundStatus status;
  public String failureReason;
  public String processorRef;
  public Instant createdAt;

  /** A refund billing asked for, pending until the processor answers (never stored pending). */
  public static ProcessorRefund requested(
      String id,
      String merchantId,
      boolean livemode,
      String paymentId,
      long amount,
      String currency,
      Instant now) {
    ProcessorRefund r = new ProcessorRefund();
    r.id = id;
    r.merchantId = merchantId;
    r.livemode = livemode;
    r.paymentId = paymentId;
    r.amount = amount;
    r.currency = currency;
    r.status = ProcessorRefundStatus.PENDING;
    r.createdAt = now;
    return r;
  }

  /** The processor refunded it under {@code reference}. */
  public void succeed(String reference) {
    status = ProcessorRefundStatus.TRANSITIONS.move(id, status, ProcessorRefundStatus.SUCCEEDED);
    processorRef = reference;
  }

  /** Not refunded, for {@code reason}. */
  public void fail(String reason) {
    status = ProcessorRefundStatus.TRANSITIONS.move(id, status, ProcessorRefundStatus.FAILED);
    failureReason = reason;
  }
}
