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
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String paymentId;
  public String paymentIntentId;
  public long amount;
  public String currency;
  public String status;
  public String failureReason;
  public String processorRef;
  public Instant createdAt;
}
