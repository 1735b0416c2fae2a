package dev.payplatform.checkout.rest.pages;

import static dev.payplatform.checkout.rest.pages.HostedPageResponses.encode;
import static dev.payplatform.checkout.rest.pages.HostedPageResponses.merchantLabel;
import static dev.payplatform.checkout.rest.pages.HostedPageResponses.message;
import static dev.payplatform.checkout.rest.pages.HostedPageResponses.page;
import static dev.payplatform.checkout.rest.pages.HostedPageResponses.paid;
import static dev.payplatform.checkout.rest.pages.HostedPageResponses.seeOther;

import dev.payplatform.checkout.config.PublicUrls;
import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.rest.pages.PageTemplates.ChallengePage;
import dev.payplatform.checkout.service.confirmation.CardFingerprints;
import dev.payplatform.processor.DeclineReasons;
import jakarta.ws.rs.core.Response;

/**
 * The 3-D Secure pages: the challenge the buyer answers, only with the one-time proof the intent
 * was given, and where the answer sends the buyer. Built from the intent the endpoints fetched or
 * answered, apart from them, so the endpoints only fetch and the page rules read in one place.
 */
final class ChallengePages {
  private ChallengePages() {}

  /** The challenge page, or 404 unless the intent awaits this very challenge. */
  static Response forIntent(PaymentIntent pi, String challenge) {
    if (pi == null
        || pi.status != IntentStatus.REQUIRES_ACTION
        || !CardFingerprints.matches(challenge, pi.challengeTokenHash)) {
      return gone();
    }
    String base = "/checkout/3ds/" + pi.id;
    return page(
        200,
        PageTemplates.challenge(
            new ChallengePage(
                merchantLabel(pi.merchantName),
                AmountFormat.display(pi.amount, pi.currency),
                cardLabel(pi),
                !pi.livemode,
                base + "/complete",
                base + "/fail",
                challenge)));
  }

  /**
   * Success sends the browser to return_url with id_payment; a failure back to the checkout page,
   * which shows why and lets the buyer retry.
   */
  static Response answered(PaymentIntent pi) {
    if (pi.status == IntentStatus.SUCCEEDED) {
      String target = PublicUrls.withPaymentId(pi.returnUrl, pi.paymentId);
      return target == null ? paid(pi.merchantName, null) : seeOther(target);
    }
    if (pi.checkoutPageUrl == null) {
      return page(
          402,
          message(
              "Payment failed",
              "Payment not completed",
              DeclineReasons.message(pi.lastDeclineReason)));
    }
    String back = pi.checkoutPageUrl;
    back += (back.indexOf('?') < 0 ? "?" : "&") + "declined=" + encode(pi.lastDeclineReason);
    return seeOther(back);
  }

  /** A challenge link that is unknown, already used or not this intent's (404). */
  static Response gone() {
    return page(
        404,
        message(
            "Verification link not valid",
            "This verification link is not valid",
            "It may have been used already. Go back to the checkout page to try again."));
  }

  private static String cardLabel(PaymentIntent pi) {
    if (pi.cardLast4 == null) {
      return "your card";
    }
    return brandLabel(pi.cardBrand) + " ending in " + pi.cardLast4;
  }

  private static String brandLabel(String brand) {
    return switch (brand == null ? "" : brand) {
      case "visa" -> "Visa";
      case "mastercard" -> "Mastercard";
      case "amex" -> "American Express";
      case "discover" -> "Discover";
      case "diners" -> "Diners Club";
      case "jcb" -> "JCB";
      case "unionpay" -> "UnionPay";
      default -> "Card";
    };
  }
}
