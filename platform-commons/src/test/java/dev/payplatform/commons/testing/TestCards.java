package dev.payplatform.commons.testing;

import java.util.List;

/**
 * Every card number of the sandbox's test-card table (docs/checkout.md), plus the well-known
 * look-alike it refuses: what the card-data searches of the services' tests and of the end-to-end
 * suite look for in databases, logs and topics.
 */
public final class TestCards {
  public static final List<String> PANS =
      List.of(
          "4242424242424242",
          "5555555555554444",
          "378282246310005",
          "4000002760003184",
          "4000002500003155",
          "4000000000000002",
          "4000000000009995",
          "4000000000000069",
          "4000000000000127",
          "4100000000000019",
          "4000000000000259",
          "4000000000002685",
          "4000000000001976",
          "4111111111111111");

  private TestCards() {}
}
