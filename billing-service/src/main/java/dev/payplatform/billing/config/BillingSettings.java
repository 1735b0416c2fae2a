package dev.payplatform.billing.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** billing-service's own settings (application.properties, documented in docs/billing.md). */
@ApplicationScoped
public class BillingSettings {
  private final String checkoutUrl;
  private final String payUrl;
  private final Duration checkoutTokenTtl;
  private final List<Integer> retryDays;
  private final Duration incompleteExpiry;

  public BillingSettings(
      @ConfigProperty(name = "platform.public.checkout-url") String checkoutUrl,
      @ConfigProperty(name = "platform.public.pay-url") String payUrl,
      @ConfigProperty(name = "billing.checkout-token.ttl", defaultValue = "1h")
          Duration checkoutTokenTtl,
      @ConfigProperty(name = "billing.renewal.retry-days", defaultValue = "1,3,5")
          List<Integer> retryDays,
      @ConfigProperty(name = "billing.incomplete-expiry", defaultValue = "23h")
          Duration incompleteExpiry) {
    this.checkoutUrl = stripTrailingSlash(checkoutUrl);
    this.payUrl = stripTrailingSlash(payUrl);
    this.checkoutTokenTtl = checkoutTokenTtl;
    this.retryDays = List.copyOf(retryDays);
    this.incompleteExpiry = incompleteExpiry;
    for (int i = 1; i < this.retryDays.size(); i++) {
      if (this.retryDays.get(i) <= this.retryDays.get(i - 1)) {
        throw new IllegalArgumentException("billing.renewal.retry-days must be increasing");
      }
    }
  }

  /** The edge's public base URL for {@code /checkout/**} (checkout-service's hosted pages). */
  public String checkoutUrl() {
    return checkoutUrl;
  }

  /** The edge's public base URL for {@code /link/**} (this service's buyer pages). */
  public String payUrl() {
    return payUrl;
  }

  public Duration checkoutTokenTtl() {
    return checkoutTokenTtl;
  }

  /** Days after the renewal date at which a failed renewal is retried. */
  public List<Integer> retryDays() {
    return retryDays;
  }

  /** Charge attempts a renewal invoice gets: the renewal itself plus each retry. */
  public int maxRenewalAttempts() {
    return retryDays.size() + 1;
  }

  public Duration incompleteExpiry() {
    return incompleteExpiry;
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
