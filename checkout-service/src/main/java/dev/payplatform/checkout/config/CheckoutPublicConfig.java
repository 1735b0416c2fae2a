package dev.payplatform.checkout.config;

import io.smallrye.config.ConfigMapping;

/**
 * {@code platform.public.*}: where buyers reach checkout's pages. Only this sub-prefix is mapped:
 * commons and the other services read the rest of {@code platform.*}, and a mapping rejects
 * properties under its prefix it does not declare.
 */
@ConfigMapping(prefix = "platform.public")
public interface CheckoutPublicConfig {
  /** The base URL of checkout's pages as buyers see them ({@code platform.public.checkout-url}). */
  String checkoutUrl();
}
