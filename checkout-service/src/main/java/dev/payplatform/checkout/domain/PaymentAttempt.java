package dev.payplatform.checkout.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One confirmation, challenge answer or off-session charge of an intent, and how it ended. */
@Entity
@Table(name = "payment_attempt")
public class PaymentAttempt extends PanacheEntityBase {
  public static final String ID_PREFIX = "att";
  public static final String SUCCEEDED = "succeeded";
  public static final String REQUIRES_ACTION = "requires_action";
  public static final String FAILED = "failed";

  @Id public String id;
  public String paymentIntentId;
  public String merchantId;
  public boolean livemode;
  public String outcome;
  public String declineReason;
  public String failureMessage;
  public String cardBrand;
  public String cardLast4;
  public String cardFingerprint;
  public boolean offSession;
  public String clientAddress;
  public String networkAuthorizationCode;
  public String networkRrn;
  public String networkResponseCode;
  public Instant createdAt;
}
