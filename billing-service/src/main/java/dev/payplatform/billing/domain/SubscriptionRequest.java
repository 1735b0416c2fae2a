package dev.payplatform.billing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A checkout.subscription_requested whose plan or customer billing has not seen yet; it becomes a
 * subscription as soon as the catalog event arrives.
 */
@Entity
@Table(name = "subscription_request")
public class SubscriptionRequest extends PanacheEntityBase {
  @Id public String sessionId;
  public String merchantId;
  public boolean livemode;
  public String planId;
  public String customerId;
  public String payload;
  public Instant receivedAt;
}
