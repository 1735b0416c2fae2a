package dev.payplatform.payments.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A payment's status as the merchant sees it, and the one place that says which moves are legal
 * (docs/payments.md). Events can arrive twice or out of order (one payment's intents and refunds
 * travel under different Kafka keys), so a move that is not listed here is ignored, never applied.
 *
 * <pre>
 * pending ──────────▶ requires_action ──▶ completed ──▶ partially_refunded ──▶ refunded
 *    │                   │      ▲             ▲  │               │ (more partial refunds)
 *    │                   ▼      │             │  └──────────────────────────▶ refunded
 *    ├──────────────▶ failed ───┴─────────────┘
 *    ├──────────────▶ completed
 *    └──────────────▶ canceled ◀── requires_action, failed
 * </pre>
 */
public enum PaymentStatus {
  PENDING,
  REQUIRES_ACTION,
  COMPLETED,
  FAILED,
  CANCELED,
  PARTIALLY_REFUNDED,
  REFUNDED;

  private static final Map<PaymentStatus, Set<PaymentStatus>> NEXT =
      Map.of(
          PENDING, EnumSet.of(REQUIRES_ACTION, COMPLETED, FAILED, CANCELED),
          // A 3DS challenge ends in a charge, a decline (incl. failed authentication) or a cancel.
          REQUIRES_ACTION, EnumSet.of(COMPLETED, FAILED, CANCELED),
          // The buyer may retry on the same payment after a decline (and be challenged again).
          FAILED, EnumSet.of(COMPLETED, REQUIRES_ACTION, CANCELED),
          COMPLETED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
          // A further partial refund keeps it partially refunded.
          PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
          CANCELED, EnumSet.noneOf(PaymentStatus.class),
          REFUNDED, EnumSet.noneOf(PaymentStatus.class));

  /** Whether moving from this status to {@code target} is a legal transition. */
  public boolean canMoveTo(PaymentStatus target) {
    return NEXT.get(this).contains(target);
  }

  /** Whether no event can move the payment any more. */
  public boolean isFinal() {
    return NEXT.get(this).isEmpty();
  }

  /** The word of the public API ({@code completed}, {@code requires_action}, ...). */
  public String publicWord() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The word of the internal listing, which says {@code succeeded} for {@code completed}. */
  public String internalWord() {
    return this == COMPLETED ? "succeeded" : publicWord();
  }

  /** Parses a stored or public word; {@code succeeded} is accepted for {@code completed}. */
  public static Optional<PaymentStatus> fromWord(String word) {
    if (word == null) {
      return Optional.empty();
    }
    if (word.equals("succeeded")) {
      return Optional.of(COMPLETED);
    }
    for (PaymentStatus s : values()) {
      if (s.publicWord().equals(word)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
