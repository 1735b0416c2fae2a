package dev.payplatform.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How strictly request bodies are read. */
@ConfigMapping(prefix = "platform.json")
public interface JsonConfig {
  /** Refuse a string where a number or boolean is declared (and the reverse). */
  @WithDefault("false")
  boolean strictScalars();
}
