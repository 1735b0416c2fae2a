package dev.payplatform.billing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;

/**
 * A refund of (part of) a payment: {@code pending} while checkout-service runs it through the
 * processor, then {@code succeeded} or {@code failed}. A pending refund's amount is reserved on its
 * payment so that concurrent refunds can never exceed what was captured.
 */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {
  public static final String ID_PREFIX = "re";

  public static final String PENDING = "pending";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  public static final Set<String> REASONS =
      Set.of("duplicate", "fraudulent", "requested_by_customer");

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String paymentId;
  public long amount;
  public String currency;
  public String reason;
  public String status;
  public String failureReason;
  public Instant createdAt;
  public Instant updatedAt;

  public boolean isPending() {
    return PENDING.equals(status);
  }
}
