package dev.payplatform.billing.config;

import io.smallrye.config.ConfigMapping;

/**
 * {@code platform.public.*}: where buyers reach the edge. Only this sub-prefix is mapped: commons
 * reads the rest of {@code platform.*}, and a mapping rejects properties under its prefix it does
 * not declare. Read through {@link BuyerUrls}, which drops a trailing slash.
 */
@ConfigMapping(prefix = "platform.public")
public interface BillingPublicConfig {
  /** The edge's public base URL for {@code /checkout/**} (checkout-service's hosted pages). */
  String checkoutUrl();

  /** The edge's public base URL for {@code /link/**} (this service's buyer pages). */
  String payUrl();
}
