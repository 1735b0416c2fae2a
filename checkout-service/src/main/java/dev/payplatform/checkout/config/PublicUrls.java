package dev.payplatform.checkout.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The absolute URLs buyers are sent to, under {@code platform.public.checkout-url}. */
@ApplicationScoped
public class PublicUrls {
  private final String base;

  public PublicUrls(CheckoutPublicConfig config) {
    String base = config.checkoutUrl();
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public String sessionPage(String sessionId) {
    return base + sessionPagePath(sessionId);
  }

  public static String sessionPagePath(String sessionId) {
    return "/checkout/session/" + sessionId;
  }

  public static String payPagePath(String paymentId, String token) {
    return "/checkout/pay/" + paymentId + "?data=" + encode(token);
  }

  /** The challenge page as events show it: it only works with the buyer's one-time token. */
  public String challengePage(String intentId) {
    return base + "/checkout/3ds/" + intentId;
  }

  /** The challenge page the buyer is sent to, with their one-time proof. */
  public String challengePage(String intentId, String challengeToken) {
    return challengePage(intentId) + "?challenge=" + encode(challengeToken);
  }

  /** {@code return_url} with {@code id_payment} appended ({@code ?} or {@code &}, before a #). */
  public static String withPaymentId(String returnUrl, String paymentId) {
    if (returnUrl == null) {
      return null;
    }
    String fragment = "";
    String url = returnUrl;
    int hash = url.indexOf('#');
    if (hash >= 0) {
      fragment = url.substring(hash);
      url = url.substring(0, hash);
    }
    String separator;
    if (url.indexOf('?') < 0) {
      separator = "?";
    } else if (url.endsWith("?") || url.endsWith("&")) {
      separator = "";
    } else {
      separator = "&";
    }
    return url + separator + "id_payment=" + encode(paymentId) + fragment;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
