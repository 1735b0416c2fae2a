package dev.payplatform.payments.messaging;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.payplatform.payments.domain.Dispute;
import dev.payplatform.payments.domain.DisputeEvidence;
import dev.payplatform.payments.domain.Payment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The data of the events payments-service emits on {@code payments.events} (key = payment id).
 * Schemas: docs/events/payments/*.schema.json. Money is integer minor units plus currency.
 */
public final class PaymentEvents {
  public static final String CREATED = "payment.created";
  public static final String SUCCEEDED = "payment.succeeded";
  public static final String FAILED = "payment.failed";
  public static final String REFUNDED = "payment.refunded";
  public static final String CANCELED = "payment.canceled";
  public static final String BALANCE_AVAILABLE = "balance.available";
  public static final String DISPUTE_CREATED = "charge.dispute.created";
  public static final String DISPUTE_UPDATED = "charge.dispute.updated";
  public static final String DISPUTE_CLOSED = "charge.dispute.closed";
  public static final String DISPUTE_FUNDS_WITHDRAWN = "charge.dispute.funds_withdrawn";
  public static final String DISPUTE_FUNDS_REINSTATED = "charge.dispute.funds_reinstated";
  public static final String PAYOUT_CREATED = "payout.created";
  public static final String PAYOUT_UPDATED = "payout.updated";
  public static final String PAYOUT_PAID = "payout.paid";
  public static final String PAYOUT_FAILED = "payout.failed";
  public static final String PAYOUT_CANCELED = "payout.canceled";

  private PaymentEvents() {}

  /** An event's data: only these records are ever written (PaymentOutbox takes nothing else). */
  public sealed interface Payload
      permits PaymentData,
          Succeeded,
          Failed,
          Canceled,
          Refunded,
          BalanceAvailable,
          DisputeData,
          PayoutData {}

  /**
   * A payout as the API shows it (docs/payouts.md): the data of every {@code payout.*} event (key =
   * the payout's id) and the answer of {@code /v1/payouts}.
   */
  public record PayoutData(
      String id,
      String object,
      long amount,
      String currency,
      String arrivalDate,
      String method,
      boolean automatic,
      String status,
      String failureCode,
      String failureMessage,
      String balanceTransaction,
      String failureBalanceTransaction,
      String destination,
      String description,
      boolean livemode,
      String createdAt,
      String updatedAt)
      implements Payload {

    public static PayoutData of(dev.payplatform.payments.domain.Payout p) {
      return new PayoutData(
          p.id,
          "payout",
          p.amount,
          p.currency,
          p.arrivalDate.toString(),
          p.method,
          p.automatic,
          p.status.wire(),
          p.failureCode,
          p.failureMessage,
          p.balanceTransaction,
          p.failureBalanceTransaction,
          p.destination,
          p.description,
          p.livemode,
          utc(p.createdAt),
          utc(p.updatedAt));
    }
  }

  /**
   * A dispute as the API shows it (docs/disputes.md), without its balance transactions: the data of
   * every {@code charge.dispute.*} event (key = its payment's id).
   */
  public record DisputeData(
      String id,
      String object,
      String paymentId,
      long amount,
      String currency,
      String reason,
      String status,
      boolean isInquiry,
      boolean isChargeRefundable,
      String networkReasonCode,
      DisputeEvidence evidence,
      EvidenceDetails evidenceDetails,
      long fee,
      String feeCurrency,
      boolean livemode,
      String createdAt,
      String updatedAt)
      implements Payload {

    public static DisputeData of(Dispute d, Instant now) {
      return new DisputeData(
          d.id,
          "dispute",
          d.paymentId,
          d.amount,
          d.currency.strip(),
          d.reason,
          d.status.wire(),
          d.isInquiry,
          // Refunds wait while the dispute is open (billing refuses them: docs/disputes.md).
          !d.status.isOpen(),
          d.networkReasonCode,
          d.evidence,
          new EvidenceDetails(
              utc(d.evidenceDueBy),
              d.evidence.present(),
              d.status.isOpen() && d.pastDue(now),
              d.submissionCount),
          d.fee,
          d.feeCurrency == null ? null : d.feeCurrency.strip(),
          d.livemode,
          utc(d.createdAt),
          utc(d.updatedAt));
    }
  }

  /** When the evidence is due, whether any was given, and how many times it was submitted. */
  public record EvidenceDetails(
      String dueBy, boolean hasEvidence, boolean pastDue, int submissionCount) {}

  /**
   * A payment's {@code network}: the card network's answer to its live charge (authorization code,
   * DE 38; retrieval reference number, DE 37; response code, DE 39); null in test mode and before.
   */
  public record Network(
      String authorizationCode, String retrievalReferenceNumber, String responseCode) {
    static Network of(Payment p) {
      return p.hasNetworkAnswer()
          ? new Network(p.networkAuthorizationCode, p.networkRrn, p.networkResponseCode)
          : null;
    }
  }

  /** What every payment event carries: the payment itself. */
  public record PaymentData(
      String id,
      long amount,
      String currency,
      String amountDecimal,
      String description,
      List<String> items,
      String returnUrl,
      String status,
      String purpose,
      String reference,
      String customerEmail,
      String cardBrand,
      String cardLast4,
      Network network,
      String createdAt,
      String updatedAt)
      implements Payload {

    public static PaymentData of(Payment p) {
      return new PaymentData(
          p.id,
          p.amount,
          p.currency,
          p.money().toDecimalString(),
          p.description,
          p.items,
          p.returnUrl,
          p.status.publicWord(),
          p.purpose,
          p.reference,
          p.customerEmail,
          p.cardBrand,
          p.cardLast4,
          Network.of(p),
          utc(p.createdAt),
          utc(p.updatedAt));
    }
  }

  public record Succeeded(
      @JsonUnwrapped PaymentData payment,
      long fee,
      long net,
      String netCurrency,
      String paymentIntentId,
      String lateSuccess)
      implements Payload {}

  public record Failed(
      @JsonUnwrapped PaymentData payment, String declineReason, String failureMessage)
      implements Payload {}

  public record Canceled(@JsonUnwrapped PaymentData payment, String cancellationReason)
      implements Payload {}

  public record Refunded(
      @JsonUnwrapped PaymentData payment,
      long amountRefunded,
      long refundedTotal,
      boolean fullyRefunded,
      String refundId)
      implements Payload {}

  static String utc(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /**
   * {@code balance.available} (key = the payment id): a charge's net moved from the merchant's
   * pending balance to available.
   */
  public record BalanceAvailable(
      String paymentId, String balanceTransaction, long amount, String currency, String availableOn)
      implements Payload {}
}
