package dev.payplatform.edge.config;

import io.smallrye.config.ConfigMapping;

/** The topics the edge writes to ({@code platform.topics.*}, every key the edge declares). */
@ConfigMapping(prefix = "platform.topics")
public interface EdgeTopicsConfig {
  /** Where merchant events go ({@code merchants.events}). */
  String merchants();
}
