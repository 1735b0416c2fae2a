package dev.payplatform.billing.config;

import io.smallrye.config.ConfigMapping;

/**
 * {@code platform.topics.*} as billing knows them: its own topic, and the four it consumes (those
 * are read by the incoming channels' {@code ${platform.topics.…}}, declared here so the mapping is
 * complete for its prefix).
 */
@ConfigMapping(prefix = "platform.topics")
public interface BillingTopicsConfig {
  /** Where billing's events go ({@code billing.events}). */
  String billing();

  /** catalog's events: the plans and customers billing keeps a read model of. */
  String catalog();

  /** payments' events: the payments billing refunds and shows. */
  String payments();

  /** merchants' events: the merchants billing shows on its buyer pages. */
  String merchants();

  /** checkout's events: the outcomes of charges and refunds billing asked for. */
  String checkout();
}
