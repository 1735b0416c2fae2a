package dev.payplatform.payments.config;

import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.checkout.CheckoutTokens;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.InstantSource;
import java.util.List;

/**
 * Signs one throw-away token at start-up, so a missing or unreadable checkout-token key stops the
 * service at once instead of failing the first POST /v1/payments/ after its payment was stored.
 */
@ApplicationScoped
public class CheckoutTokenKeyCheck {
  void onStart(@Observes StartupEvent start, CheckoutTokens tokens, InstantSource clock) {
    tokens.sign(
        new CheckoutClaims(
            "payment",
            "pay_startup_check",
            "pay_startup_check",
            "startup-check",
            false,
            "",
            null,
            1,
            "USD",
            null,
            List.of(),
            null,
            null,
            clock.instant().plusSeconds(1)));
  }
}
