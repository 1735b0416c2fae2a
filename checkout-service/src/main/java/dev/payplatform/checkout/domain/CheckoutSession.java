package dev.payplatform.checkout.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A checkout session a merchant created server-to-server: what the buyer pays, and where they go
 * afterwards. Open until paid (complete) or until {@link #expiresAt} (expired).
 */
@Entity
@Table(name = "checkout_session")
public class CheckoutSession extends PanacheEntityBase {
  public static final String ID_PREFIX = "sess";
  public static final String OPEN = "open";
  public static final String COMPLETE = "complete";
  public static final String EXPIRED = "expired";
  public static final String MODE_PAYMENT = "payment";
  public static final String MODE_SUBSCRIPTION = "subscription";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String merchantName;
  public String gatewayAccountId;
  public long amount;
  public String currency;
  public String description;
  public String[] items;
  public String mode;
  public String priceId;
  public String customerId;
  public String returnUrl;
  public String status;
  public String paymentIntentId;
  public String paymentId;
  public Instant createdAt;
  public Instant expiresAt;
  public Instant completedAt;
  public Instant expiredAt;

  /** The status a reader sees: an open session past its expiry is expired, swept or not. */
  public String effectiveStatus(Instant now) {
    if (OPEN.equals(status) && !now.isBefore(expiresAt)) {
      return EXPIRED;
    }
    return status;
  }

  public boolean isSubscription() {
    return MODE_SUBSCRIPTION.equals(mode);
  }
}
