package dev.payplatform.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Headers the services' HTML pages carry. */
@ConfigMapping(prefix = "platform.http")
public interface HttpConfig {
  /** Strict-Transport-Security on HTML pages: on behind TLS (Kubernetes), off on plain HTTP. */
  @WithDefault("false")
  boolean hsts();
}
