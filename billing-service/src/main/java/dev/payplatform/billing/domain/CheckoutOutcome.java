package dev.payplatform.billing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The outcome of a checkout-session charge that no invoice has claimed yet: it may belong to a
 * session subscription whose checkout.subscription_requested has not arrived (different Kafka key,
 * so no ordering between them).
 */
@Entity
@Table(name = "checkout_outcome")
public class CheckoutOutcome extends PanacheEntityBase {
  @Id public String paymentIntentId;
  public String paymentId;
  public String merchantId;
  public boolean livemode;
  public boolean succeeded;
  public String paymentMethodId;
  public String declineReason;
  public Instant receivedAt;
}
