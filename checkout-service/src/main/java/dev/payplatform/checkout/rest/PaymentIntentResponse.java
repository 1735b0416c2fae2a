package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.config.PublicUrls;
import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.processor.CardSummary;

/**
 * The answer of a confirmation: the intent's status and what the buyer's browser does next ({@code
 * next_action} for a 3-D Secure challenge, {@code redirect_url} once it succeeded).
 */
public record PaymentIntentResponse(
    String id,
    String object,
    String status,
    String amount,
    String currency,
    String paymentId,
    Card card,
    NextAction nextAction,
    String redirectUrl) {

  public static PaymentIntentResponse of(PaymentIntent pi, String challengeUrl) {
    CardSummary c = pi.card();
    return new PaymentIntentResponse(
        pi.id,
        "payment_intent",
        pi.status.wire(),
        ApiAmounts.decimal(pi.amount, pi.currency),
        pi.currency,
        pi.paymentId,
        c == null ? null : new Card(c.brand(), c.last4(), c.expMonth(), c.expYear()),
        challengeUrl == null ? null : new NextAction("three_d_secure", challengeUrl),
        pi.status == IntentStatus.SUCCEEDED
            ? PublicUrls.withPaymentId(pi.returnUrl, pi.paymentId)
            : null);
  }

  /** The card last tried, as the buyer's page shows it. */
  public record Card(String brand, String last4, Integer expMonth, Integer expYear) {}

  /** What the buyer's browser does next: the 3-D Secure challenge page. */
  public record NextAction(String type, String url) {}
}
