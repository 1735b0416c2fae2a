package dev.payplatform.billing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A payment that succeeded for an invoice already paid, voided or closed: to be refunded. */
@Entity
@Table(name = "invoice_overpayment")
public class InvoiceOverpayment extends PanacheEntityBase {
  public static final String REFUND_CREATED = "refund_created";
  public static final String NOT_REFUNDABLE = "not_refundable";

  @Id public String paymentId;
  public String invoiceId;
  public String merchantId;
  public boolean livemode;
  public long amount;
  public String currency;
  public Instant detectedAt;
  public String refundId;
  public Instant resolvedAt;
  public String resolution;
}
