package dev.payplatform.checkout.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A checkout session a merchant created server-to-server: what the buyer pays, and where they go
 * afterwards. Open until paid (complete) or until {@link #expiresAt} (expired).
 */
@Entity
@Table(name = "checkout_session")
public class CheckoutSession extends PanacheEntityBase {
  public static final String ID_PREFIX = "sess";
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
  public SessionStatus status;
  public String paymentIntentId;
  public String paymentId;
  public Instant createdAt;
  public Instant expiresAt;
  public Instant completedAt;
  public Instant expiredAt;

  /** Opens a new session at {@code now}, for {@code ttl}. */
  public void open(Instant now, Duration ttl) {
    status = SessionStatus.OPEN;
    createdAt = now;
    expiresAt = now.plus(ttl);
  }

  /** The status a reader sees: an open session past its expiry is expired, swept or not. */
  public SessionStatus effectiveStatus(Instant now) {
    if (status == SessionStatus.OPEN && !now.isBefore(expiresAt)) {
      return SessionStatus.EXPIRED;
    }
    return status;
  }

  /** Refuses paying a session that is complete, or expired as a reader would see it. */
  public void requireOpen(Instant now) {
    SessionStatus seen = effectiveStatus(now);
    if (seen == SessionStatus.COMPLETE) {
      throw new SessionAlreadyComplete();
    }
    if (seen == SessionStatus.EXPIRED) {
      throw new SessionExpired();
    }
  }

  /** Paid: its intent succeeded. */
  public void complete(Instant now) {
    status = SessionStatus.TRANSITIONS.move(id, status, SessionStatus.COMPLETE);
    completedAt = now;
  }

  /** Closed unpaid: its expiry passed, or its intent was canceled after too many failures. */
  public void expire(Instant now) {
    status = SessionStatus.TRANSITIONS.move(id, status, SessionStatus.EXPIRED);
    expiredAt = now;
  }

  public boolean isSubscription() {
    return MODE_SUBSCRIPTION.equals(mode);
  }
}
