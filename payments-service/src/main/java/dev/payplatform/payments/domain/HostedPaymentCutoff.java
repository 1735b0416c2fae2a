package dev.payplatform.payments.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a hosted payment nobody started to pay is given up: once its checkout link expired and then
 * a grace passed, longer than checkout's processing deadline plus its sweep, so that a payment
 * begun just before the expiry has its outcome first.
 */
public record HostedPaymentCutoff(Duration grace) {

  /** At {@code now}, pending payments whose link expired at or before this instant are due. */
  public Instant dueAtOrBefore(Instant now) {
    return now.minus(grace);
  }
}
