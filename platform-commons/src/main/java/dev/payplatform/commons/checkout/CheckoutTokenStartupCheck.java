package dev.payplatform.commons.checkout;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A service that signs or verifies checkout tokens (build property {@code
 * platform.checkout-token.enabled=true}) refuses to start without a usable secret, instead of
 * failing its first hosted page.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.checkout-token.enabled", stringValue = "true")
public class CheckoutTokenStartupCheck {
  void onStart(@Observes StartupEvent start, CheckoutTokens tokens) {
    tokens.requireSecret();
  }
}
