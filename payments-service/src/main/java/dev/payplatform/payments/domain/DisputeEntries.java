package dev.payplatform.payments.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The journal entries of a dispute (docs/ledger.md): the chargeback's withdrawal, its fee and a won
 * dispute's reversal. Apart from {@link JournalEntry}'s payment and refund entries, as {@link
 * PayoutEntries} are: each money movement's family in one place.
 */
public final class DisputeEntries {
  private DisputeEntries() {}

  /**
   * A chargeback opened: the disputed share of the settled amount ({@code share}, in the settlement
   * currency) leaves the merchant's available balance for the processor.
   */
  public static JournalEntry withdrawal(Payment p, Dispute d, long share) {
    String currency = p.netCurrency;
    boolean fx = !currency.equals(p.currency.strip());
    return new JournalEntry(
        "dispute:" + d.id,
        p.merchantId,
        p.livemode,
        "dispute",
        d.id,
        currency,
        -share,
        0,
        -share,
        fx ? -d.amount : null,
        fx ? p.currency.strip() : null,
        fx ? JournalEntry.rate(p) : null,
        null,
        List.of(
            new Posting(Posting.available(p.merchantId, p.livemode, currency), currency, share),
            new Posting(Posting.chargebacks(p.livemode, currency), currency, -share)));
  }

  /** The dispute fee, from the merchant's available balance to the platform's fees. */
  public static JournalEntry fee(Payment p, Dispute d, long fee) {
    String currency = p.netCurrency;
    return new JournalEntry(
        "dispute_fee:" + d.id,
        p.merchantId,
        p.livemode,
        "dispute_fee",
        d.id,
        currency,
        0,
        fee,
        -fee,
        null,
        null,
        null,
        null,
        List.of(
            new Posting(Posting.available(p.merchantId, p.livemode, currency), currency, fee),
            new Posting(Posting.fees(p.livemode, currency), currency, -fee)));
  }

  /**
   * A won dispute: the processor gives the withdrawn share back to the merchant's available
   * balance, and the fee too when {@code feeBack} is not zero.
   */
  public static JournalEntry reversal(Dispute d, long share, long feeBack) {
    String currency = d.feeCurrency;
    List<Posting> postings = new ArrayList<>();
    postings.add(new Posting(Posting.chargebacks(d.livemode, currency), currency, share));
    postings.add(
        new Posting(
            Posting.available(d.merchantId, d.livemode, currency), currency, -(share + feeBack)));
    if (feeBack > 0) {
      postings.add(new Posting(Posting.fees(d.livemode, currency), currency, feeBack));
    }
    return new JournalEntry(
        "dispute_reversal:" + d.id,
        d.merchantId,
        d.livemode,
        "dispute_reversal",
        d.id,
        currency,
        share,
        -feeBack,
        share + feeBack,
        null,
        null,
        null,
        null,
        postings);
  }
}
