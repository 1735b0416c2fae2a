package dev.payplatform.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The signed checkout token the hosted pages carry between services. */
@ConfigMapping(prefix = "platform.checkout-token")
public interface CheckoutTokenConfig {
  /** Read at build time: a service that signs or reads tokens refuses to start without a secret. */
  @WithDefault("false")
  boolean enabled();

  Optional<String> secret();

  /** The previous key's public half, accepted during a rotation. */
  Optional<String> previousPublicKey();
}
