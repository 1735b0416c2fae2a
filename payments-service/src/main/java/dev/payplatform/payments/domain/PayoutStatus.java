package dev.payplatform.payments.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/**
 * A payout's status (Stripe's words; docs/payouts.md has the diagram). A payout is {@code pending}
 * until its pain.001 is on the bank's SFTP, {@code in_transit} until the bank books it, then {@code
 * paid}. The bank's rejection (pain.002) or return (camt.054) makes it {@code failed}, a return
 * after it was paid too; the merchant may cancel it while it is pending and not yet batched.
 *
 * <pre>
 * pending ──sent──▶ in_transit ──booked──▶ paid
 *    │                  └──rejected/returned──▶ failed ◀──returned── paid
 *    └──canceled──▶ canceled
 * </pre>
 */
public enum PayoutStatus implements WireWord {
  PENDING,
  IN_TRANSIT,
  PAID,
  FAILED,
  CANCELED;

  public static final Transitions<PayoutStatus> TRANSITIONS =
      Transitions.of("payout", PayoutStatus.class)
          .allow(PENDING, IN_TRANSIT, CANCELED, FAILED)
          .allow(IN_TRANSIT, PAID, FAILED)
          .allow(PAID, FAILED)
          .build();

  public static PayoutStatus parse(String word) {
    return WireWord.parse(PayoutStatus.class, word);
  }

  /** Stores the public word, as the table's check constraint expects. */
  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<PayoutStatus> {
    public Column() {
      super(PayoutStatus.class);
    }
  }
}
