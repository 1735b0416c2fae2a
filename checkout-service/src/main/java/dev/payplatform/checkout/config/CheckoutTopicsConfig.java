package dev.payplatform.checkout.config;

import io.smallrye.config.ConfigMapping;

/**
 * {@code platform.topics.*} as checkout knows them: its own topic, and the two it consumes (those
 * are read by the incoming channels' {@code ${platform.topics.…}}, declared here so the mapping is
 * complete for its prefix).
 */
@ConfigMapping(prefix = "platform.topics")
public interface CheckoutTopicsConfig {
  /** Where checkout's events go ({@code checkout.events}). */
  String checkout();

  /** billing's events: refunds and invoice charges asked of checkout. */
  String billing();

  /** catalog's events: the plans and customers checkout keeps a read model of. */
  String catalog();
}
