package dev.payplatform.billing.config;

import jakarta.enterprise.context.ApplicationScoped;

/** The edge's public base URLs buyers are sent to, without a trailing slash. */
@ApplicationScoped
public class BuyerUrls {
  private final String checkoutUrl;
  private final String payUrl;

  public BuyerUrls(BillingPublicConfig config) {
    this.checkoutUrl = stripTrailingSlash(config.checkoutUrl());
    this.payUrl = stripTrailingSlash(config.payUrl());
  }

  /** The edge's public base URL for {@code /checkout/**} (checkout-service's hosted pages). */
  public String checkoutUrl() {
    return checkoutUrl;
  }

  /** The edge's public base URL for {@code /link/**} (this service's buyer pages). */
  public String payUrl() {
    return payUrl;
  }

  /** {@code {pay public URL}/link/{id}}: the buyer page of a link or an invoice. */
  public String linkPage(String id) {
    return payUrl + "/link/" + id;
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
