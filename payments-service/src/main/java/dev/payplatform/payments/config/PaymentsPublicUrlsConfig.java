package dev.payplatform.payments.config;

import io.smallrye.config.ConfigMapping;

/** Where the public reaches the platform ({@code platform.public.*}). */
@ConfigMapping(prefix = "platform.public")
public interface PaymentsPublicUrlsConfig {
  /** The base of the hosted checkout page's links. */
  String checkoutUrl();
}
