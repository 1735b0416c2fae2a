package dev.payplatform.checkout.domain;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.processor.CardSummary;
import dev.payplatform.processor.NetworkDetails;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * One attempt to collect one payment ({@code pay_…}): the amount, what is paid (a session, a hosted
 * payment, a link visit, an invoice), its status and the card last tried. Status changes only
 * through {@link #moveTo}, i.e. through {@link IntentStatus#TRANSITIONS}.
 */
@Entity
@Table(name = "payment_intent")
public class PaymentIntent extends PanacheEntityBase {
  public static final String ID_PREFIX = "pi";
  public static final String PURPOSE_PAYMENT = "payment";
  public static final String PURPOSE_SESSION = "session";
  public static final String PURPOSE_LINK = "link";
  public static final String PURPOSE_INVOICE = "invoice";
  public static final String CANCELED_TOO_MANY_FAILURES = "too_many_failed_attempts";
  public static final String CANCELED_SESSION_EXPIRED = "session_expired";
  public static final String CANCELED_EXPIRED = "expired";

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
  // The card network's answer to the last live attempt (null in test mode).
  public String networkAuthorizationCode;
  public String networkRrn;
  public String networkResponseCode;
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

  /** A new intent awaiting its first confirmation. */
  public static PaymentIntent open(
      String merchantId,
      boolean livemode,
      String purpose,
      String reference,
      String paymentId,
      long amount,
      String currency,
      Instant now) {
    PaymentIntent pi = new PaymentIntent();
    pi.id = Ids.newId(ID_PREFIX);
    pi.clientSecret = Ids.clientSecret(pi.id);
    pi.merchantId = merchantId;
    pi.livemode = livemode;
    pi.purpose = purpose;
    pi.reference = reference;
    pi.paymentId = paymentId;
    pi.amount = amount;
    pi.currency = currency;
    pi.items = new String[0];
    pi.status = IntentStatus.REQUIRES_PAYMENT_METHOD;
    pi.createdAt = now;
    pi.updatedAt = now;
    return pi;
  }

  /**
   * Moves through {@link IntentStatus#TRANSITIONS} (an illegal move throws); nothing else sets
   * status.
   */
  public void moveTo(IntentStatus to, Instant now) {
    status = IntentStatus.TRANSITIONS.move(id, status, to);
    updatedAt = now;
  }

  /**
   * Moves to processing for one processor call under {@code reference}, the call's idempotent
   * reference (and the id of the attempt its answer records).
   */
  public void startProcessing(String reference, Instant now) {
    moveTo(IntentStatus.PROCESSING, now);
    processorReference = reference;
    processingSince = updatedAt;
  }

  /** Canceled for {@code reason}; its challenge, if any, can no longer be answered. */
  public void cancel(String reason, Instant now) {
    moveTo(IntentStatus.CANCELED, now);
    cancellationReason = reason;
    canceledAt = updatedAt;
    challengeTokenHash = null;
  }

  /**
   * Where the processing sweep draws the line: an intent processing since before this instant is
   * past its deadline, and reconciliation asks the processor what happened.
   */
  public static Instant processingOverdueBefore(Instant now, Duration deadline) {
    return now.minus(deadline);
  }

  /** Refuses what a closed intent cannot do any more: it succeeded, or it was canceled. */
  public void requireOpen() {
    if (status == IntentStatus.SUCCEEDED) {
      throw new IntentAlreadySucceeded();
    }
    if (status == IntentStatus.CANCELED) {
      throw new IntentCanceled(cancellationReason);
    }
  }

  /** The presented client secret is this intent's, compared in constant time. */
  public boolean clientSecretMatches(String presented) {
    if (presented == null || clientSecret == null) {
      return false;
    }
    return MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8));
  }

  /** Open: it can still be confirmed (or is being confirmed). */
  public boolean isOpen() {
    return !status.isTerminal();
  }

  /**
   * Its checkout link (hosted payment, link visit, invoice) expired; sessions' intents never do.
   */
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

  /** The card network's answer to this attempt; null clears the last attempt's. */
  public void recordNetwork(NetworkDetails network) {
    networkAuthorizationCode = network == null ? null : network.authorizationCode();
    networkRrn = network == null ? null : network.retrievalReferenceNumber();
    networkResponseCode = network == null ? null : network.responseCode();
  }

  /** The card network's answer to the last live attempt; null when there is none. */
  public NetworkDetails network() {
    return networkResponseCode == null && networkRrn == null
        ? null
        : new NetworkDetails(networkAuthorizationCode, networkRrn, networkResponseCode);
  }
}
