package dev.payplatform.payments.domain;

import dev.payplatform.commons.errors.DomainException;

/** The payout clock moves in test mode only. */
public class TestClockInLiveMode extends DomainException {
  public TestClockInLiveMode() {
    super("The payout test clock can only be advanced in test mode (with a sk_test_ key).");
  }
}
