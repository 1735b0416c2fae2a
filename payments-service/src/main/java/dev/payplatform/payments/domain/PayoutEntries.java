package dev.payplatform.payments.domain;

import java.util.List;

/**
 * The journal entries of a payout's life (docs/payouts.md): made, paid, and failed or canceled.
 * Apart from {@link JournalEntry}'s other factories because each one only moves the payout's amount
 * between two accounts.
 */
public final class PayoutEntries {
  private PayoutEntries() {}

  /** A payout made: its amount leaves the merchant's available balance, in transit to its bank. */
  public static JournalEntry made(Payout po) {
    return move(
        "payout",
        po,
        -po.amount,
        Posting.available(po.merchantId, po.livemode, po.currency),
        Posting.payoutsInTransit(po.livemode, po.currency));
  }

  /** The bank booked the payout: the money left the platform's bank account. */
  public static JournalEntry paid(Payout po) {
    return move(
        "payout_paid",
        po,
        0,
        Posting.payoutsInTransit(po.livemode, po.currency),
        Posting.payoutBank(po.livemode, po.currency));
  }

  /**
   * The payout failed ({@code payout_failure}: rejected, or returned, after it was {@code paid}
   * too) or was canceled ({@code payout_cancel}): the amount is back in available.
   */
  public static JournalEntry returned(Payout po, String type, boolean wasPaid) {
    return move(
        type,
        po,
        po.amount,
        wasPaid
            ? Posting.payoutBank(po.livemode, po.currency)
            : Posting.payoutsInTransit(po.livemode, po.currency),
        Posting.available(po.merchantId, po.livemode, po.currency));
  }

  /** {@code po.amount} debited to {@code from} and credited to {@code to}. */
  private static JournalEntry move(
      String type, Payout po, long merchantAmount, String from, String to) {
    return new JournalEntry(
        type + ":" + po.id,
        po.merchantId,
        po.livemode,
        type,
        po.id,
        po.currency,
        merchantAmount,
        0,
        merchantAmount,
        null,
        null,
        null,
        null,
        List.of(
            new Posting(from, po.currency, po.amount), new Posting(to, po.currency, -po.amount)));
  }
}
