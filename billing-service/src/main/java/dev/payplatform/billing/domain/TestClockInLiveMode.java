package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/** Test clocks move test-mode subscriptions only; live ones follow real time. */
public class TestClockInLiveMode extends DomainException {

  public TestClockInLiveMode() {
    super(
        "Test clocks exist only in test mode: use a sk_test_ key. Live subscriptions"
            + " follow real time.");
  }
}
