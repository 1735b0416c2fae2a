package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * A subscription-mode session is paid through {@code POST /v1/payments/subscription} (which also
 * asks billing for the subscription), a payment-mode session through {@code POST
 * /v1/payments/intent}; the message names the right one.
 */
public class WrongEndpointForSessionMode extends DomainException {
  public WrongEndpointForSessionMode(boolean subscriptionSession) {
    super(
        subscriptionSession
            ? "This is a subscription-mode checkout session: create its payment intent with"
                + " POST /v1/payments/subscription."
            : "This checkout session is in payment mode: create its payment intent with"
                + " POST /v1/payments/intent.");
  }
}
