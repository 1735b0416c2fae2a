package dev.payplatform.payments.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;
import java.util.Optional;

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
 *                        └─────────▶ completed (a late success: the card was charged after all)
 * </pre>
 */
public enum PaymentStatus implements WireWord {
  PENDING,
  REQUIRES_ACTION,
  COMPLETED,
  FAILED,
  CANCELED,
  PARTIALLY_REFUNDED,
  REFUNDED;

  public static final Transitions<PaymentStatus> TRANSITIONS =
      Transitions.of("payment", PaymentStatus.class)
          .allow(PENDING, REQUIRES_ACTION, COMPLETED, FAILED, CANCELED)
          // A 3DS challenge ends in a charge, a decline (incl. failed authentication) or a cancel.
          .allow(REQUIRES_ACTION, COMPLETED, FAILED, CANCELED)
          // The buyer may retry on the same payment after a decline (and be challenged again).
          .allow(FAILED, COMPLETED, REQUIRES_ACTION, CANCELED)
          // A success that arrives after the payment was given up: the card was charged, so the
          // payment records it (and the merchant's setting refunds or keeps it).
          .allow(CANCELED, COMPLETED)
          .allow(COMPLETED, PARTIALLY_REFUNDED, REFUNDED)
          // A further partial refund keeps it partially refunded.
          .allow(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, REFUNDED)
          .build();

  /** The word of the public API and of the column ({@code completed}, {@code requires_action}). */
  public String publicWord() {
    return wire();
  }

  /** The word of the internal listing, which says {@code succeeded} for {@code completed}. */
  public String internalWord() {
    return this == COMPLETED ? "succeeded" : publicWord();
  }

  /** Parses a public word; {@code succeeded} is accepted for {@code completed}. */
  public static Optional<PaymentStatus> fromWord(String word) {
    if ("succeeded".equals(word)) {
      return Optional.of(COMPLETED);
    }
    return Optional.ofNullable(WireWord.parse(PaymentStatus.class, word));
  }

  /** Stores the public word, as the table's check constraint expects. */
  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<PaymentStatus> {
    public Column() {
      super(PaymentStatus.class);
    }
  }
}
