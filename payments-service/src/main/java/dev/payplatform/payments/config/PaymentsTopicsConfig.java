package dev.payplatform.payments.config;

import io.smallrye.config.ConfigMapping;

/**
 * The topics payments-service writes and reads ({@code platform.topics.*}); the channels in
 * application.properties read the same properties. Every one this service sets is declared.
 */
@ConfigMapping(prefix = "platform.topics")
public interface PaymentsTopicsConfig {
  /** Where the payment events go (PaymentOutbox). */
  String payments();

  /** Read by the checkout-events channel. */
  String checkout();

  /** Read by the merchants-events channel. */
  String merchants();
}
