package dev.payplatform.checkout.rest.pages;

import static dev.payplatform.checkout.rest.pages.HostedPageResponses.encode;
import static dev.payplatform.checkout.rest.pages.HostedPageResponses.merchantLabel;
import static dev.payplatform.checkout.rest.pages.HostedPageResponses.message;
import static dev.payplatform.checkout.rest.pages.HostedPageResponses.page;
import static dev.payplatform.checkout.rest.pages.HostedPageResponses.paid;

import dev.payplatform.checkout.config.PublicUrls;
import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.SessionStatus;
import dev.payplatform.checkout.rest.pages.PageTemplates.CheckoutPage;
import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.processor.DeclineReasons;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * The card form pages a buyer pays on, a checkout session's and a hosted payment's, or the page
 * that says why there is no form (paid, expired, closed). Built from what the endpoints fetched,
 * apart from them, so the endpoints only fetch and the page rules read in one place.
 */
final class CardFormPages {
  private CardFormPages() {}

  /** A session's page at {@code now}: the form, or paid, or expired (410). */
  static Response forSession(CheckoutSession s, Instant now, String declined) {
    SessionStatus status = s.effectiveStatus(now);
    if (status == SessionStatus.COMPLETE) {
      return paid(s.merchantName, PublicUrls.withPaymentId(s.returnUrl, s.paymentId));
    }
    if (status == SessionStatus.EXPIRED) {
      return page(
          410,
          message(
              "Checkout expired",
              "This checkout has expired",
              "This checkout is no longer available. Please go back to "
                  + merchantLabel(s.merchantName)
                  + " to start a new one."));
    }
    String intentUrl = s.isSubscription() ? "/v1/payments/subscription" : "/v1/payments/intent";
    return page(
        200,
        PageTemplates.checkout(
            new CheckoutPage(
                merchantLabel(s.merchantName),
                s.description,
                List.of(s.items),
                AmountFormat.display(s.amount, s.currency),
                s.currency,
                !s.livemode,
                intentUrl,
                "{\"session_id\":\"" + s.id + "\"}",
                notice(declined))));
  }

  /**
   * A hosted payment's page (payment link visit, invoice): the form, everything on it from the
   * signed token's claims; or paid, or closed (410). {@code pi} is the payment's intent, null
   * before the page first created it.
   */
  static Response forHostedPayment(
      String paymentId, String token, CheckoutClaims claims, PaymentIntent pi, String declined) {
    if (pi != null && pi.status == IntentStatus.SUCCEEDED) {
      return paid(claims.merchantName(), PublicUrls.withPaymentId(pi.returnUrl, pi.paymentId));
    }
    if (pi != null && pi.status == IntentStatus.CANCELED) {
      return page(
          410,
          message(
              "Payment closed",
              "This payment was closed",
              "It was canceled after too many failed attempts. Please contact "
                  + merchantLabel(claims.merchantName())
                  + " for a new payment link."));
    }
    return page(
        200,
        PageTemplates.checkout(
            new CheckoutPage(
                merchantLabel(claims.merchantName()),
                claims.description(),
                claims.items(),
                AmountFormat.display(claims.amountMinor(), claims.currency()),
                claims.currency(),
                !claims.livemode(),
                "/checkout/pay/" + paymentId + "/intent?data=" + encode(token),
                "",
                notice(declined))));
  }

  /** Only the message of a known reason is shown: nothing from the URL is echoed. */
  private static String notice(String declined) {
    return declined == null || declined.isBlank() ? null : DeclineReasons.message(declined);
  }
}
