package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.config.PublicUrls;
import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.CardSummary;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** What the checkout API answers. */
public final class Responses {
  private Responses() {}

  /** 201 of {@code POST /v1/payments/session}. */
  public record SessionCreated(String sessionId, String checkoutUrl) {}

  /**
   * {@code GET /v1/payments/session/{id}}: the documented safe fields plus status and expiry;
   * nothing else about the merchant.
   */
  public record SessionView(
      String id,
      String amount,
      String currency,
      String description,
      List<String> items,
      String mode,
      String priceId,
      String customerId,
      String returnUrl,
      String gatewayAccountId,
      String merchantName,
      String status,
      String expiresAt) {

    public static SessionView of(CheckoutSession s, Instant now) {
      return new SessionView(
          s.id,
          decimal(s.amount, s.currency),
          s.currency,
          s.description,
          List.of(s.items),
          s.mode,
          s.priceId,
          s.customerId,
          s.returnUrl,
          s.gatewayAccountId,
          s.merchantName,
          s.effectiveStatus(now).wire(),
          Timestamps.format(s.expiresAt));
    }
  }

  /** 201 of {@code POST /v1/payments/intent} and {@code /subscription} (api-docs 000). */
  public record IntentCreated(
      String clientSecret, String paymentIntentId, String amount, String currency) {
    public static IntentCreated of(PaymentIntent pi) {
      return new IntentCreated(
          pi.clientSecret, pi.id, decimal(pi.amount, pi.currency), pi.currency);
    }
  }

  /**
   * The answer of a confirmation: the intent's status and what the buyer's browser does next
   * ({@code next_action} for a 3-D Secure challenge, {@code redirect_url} once it succeeded).
   */
  public record IntentView(
      String id,
      String object,
      String status,
      String amount,
      String currency,
      String paymentId,
      Card card,
      NextAction nextAction,
      String redirectUrl) {

    public static IntentView of(PaymentIntent pi, String challengeUrl) {
      CardSummary c = pi.card();
      return new IntentView(
          pi.id,
          "payment_intent",
          pi.status.wire(),
          decimal(pi.amount, pi.currency),
          pi.currency,
          pi.paymentId,
          c == null ? null : new Card(c.brand(), c.last4(), c.expMonth(), c.expYear()),
          challengeUrl == null ? null : new NextAction("three_d_secure", challengeUrl),
          pi.status == IntentStatus.SUCCEEDED
              ? PublicUrls.withPaymentId(pi.returnUrl, pi.paymentId)
              : null);
    }
  }

  public record Card(String brand, String last4, Integer expMonth, Integer expYear) {}

  public record NextAction(String type, String url) {}

  static String decimal(long minor, String currency) {
    return new Money(minor, Currency.getInstance(currency)).toDecimalString();
  }
}
