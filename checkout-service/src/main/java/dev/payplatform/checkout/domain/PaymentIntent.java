package dev.payplatform.checkout.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One attempt to collect one payment ({@code pay_…}): the amount, what is paid (a session, a hosted
 * payment, a link visit, an invoice), its status and the card last tried. Status changes only
 * through {@link #moveTo}, i.e. through {@link IntentStateMachine}.
 */
@Entity
@Table(name = "payment_intent")
public class PaymentIntent extends PanacheEntityBase {
  public static final String ID_PREFIX = "pi";
  public static final String PURPOSE_PAYMENT = "payment";
  public static final String PURPOSE_SESSION = "session";
  public static final String PURPOSE_LINK = "link";
  public static final String PURPOSE_INVOICE = "invoice";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String merchantName;
  public String gatewayAccountId;
  public String clientSecret;
  public String paymentId;
  public String purpose;
  public String reference;
  public String sessionId;
  public String invoiceId;
  public String paymentLinkId;
  public String subscriptionId;
  public String customerId;
  public long amount;
  public String currency;
  public String description;
  public String[] items;
  public String returnUrl;
  public String checkoutPageUrl;
  public IntentStatus status;
  public String customerEmail;
  public String cardBrand;
  public String cardLast4;
  public Integer cardExpMonth;
  public Integer cardExpYear;
  public String cardCountry;
  public String cardFingerprint;
  public boolean savePaymentMethod;
  public String paymentMethodId;
  public boolean offSession;
  public int failedAttempts;
  public String lastDeclineReason;
  public String lastFailureMessage;
  public String cancellationReason;
  public String authenticationRef;
  public String chargeRef;
  public String challengeTokenHash;
  // The idempotent reference of the last processor call, and since when the intent is processing.
  public String processorReference;
  // The address the last confirmation came from (the edge's X-Client-Address).
  public String clientAddress;
  public Instant processingSince;
  public Instant expiresAt;
  public Instant createdAt;
  public Instant updatedAt;
  public Instant succeededAt;
  public Instant canceledAt;

  public void moveTo(IntentStatus to) {
    IntentStateMachine.move(this, to);
    updatedAt = Timestamps.now();
  }

  /**
   * Moves to processing for one processor call under {@code reference}, the call's idempotent
   * reference (and the id of the attempt its answer records).
   */
  public void startProcessing(String reference) {
    moveTo(IntentStatus.PROCESSING);
    processorReference = reference;
    processingSince = updatedAt;
  }

  /** Open: it can still be confirmed (or is being confirmed). */
  public boolean isOpen() {
    return !status.isTerminal();
  }

  public boolean hasExpired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  public void recordCard(CardSummary card) {
    if (card == null) {
      return;
    }
    cardBrand = card.brand();
    cardLast4 = card.last4();
    cardExpMonth = card.expMonth();
    cardExpYear = card.expYear();
    cardCountry = card.country();
    if (card.fingerprint() != null) {
      cardFingerprint = card.fingerprint();
    }
  }

  /** The card last tried, as events and responses show it; null before any attempt. */
  public CardSummary card() {
    if (cardLast4 == null) {
      return null;
    }
    return new CardSummary(
        cardBrand, cardLast4, cardExpMonth, cardExpYear, cardCountry, cardFingerprint);
  }
}
