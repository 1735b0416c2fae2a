package dev.payplatform.checkout.processor.sandbox;

import java.util.Map;
import java.util.Optional;

/**
 * The sandbox test-card table (docs/checkout.md, the sandbox processor), exactly. Any future
 * expiry, any CVC.
 */
public final class SandboxCards {
  /** Test cards are issued in the United States. */
  public static final String COUNTRY = "US";

  private static final Map<String, SandboxBehaviour> CARDS =
      Map.ofEntries(
          Map.entry("4242424242424242", SandboxBehaviour.SUCCEEDS),
          Map.entry("5555555555554444", SandboxBehaviour.SUCCEEDS),
          Map.entry("378282246310005", SandboxBehaviour.SUCCEEDS),
          Map.entry("4000002760003184", SandboxBehaviour.CHALLENGE_ALWAYS),
          Map.entry("4000002500003155", SandboxBehaviour.CHALLENGE_ON_SESSION),
          Map.entry("4000000000000002", SandboxBehaviour.DECLINES_CARD_DECLINED),
          Map.entry("4000000000009995", SandboxBehaviour.DECLINES_INSUFFICIENT_FUNDS),
          Map.entry("4000000000000069", SandboxBehaviour.DECLINES_EXPIRED_CARD),
          Map.entry("4000000000000127", SandboxBehaviour.DECLINES_INCORRECT_CVC),
          Map.entry("4100000000000019", SandboxBehaviour.FRAUDULENT),
          Map.entry("4000000000000259", SandboxBehaviour.DISPUTED_FRAUDULENT),
          Map.entry("4000000000002685", SandboxBehaviour.DISPUTED_PRODUCT_NOT_RECEIVED),
          Map.entry("4000000000001976", SandboxBehaviour.DISPUTED_INQUIRY));

  private SandboxCards() {}

  /** The behaviour of a test card; empty for any other number. */
  public static Optional<SandboxBehaviour> behaviour(String digits) {
    return Optional.ofNullable(CARDS.get(digits));
  }

  public static boolean isFraudTestCard(String digits) {
    return CARDS.get(digits) == SandboxBehaviour.FRAUDULENT;
  }
}
