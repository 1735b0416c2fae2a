package dev.payplatform.payments.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A journal entry about to be posted: what it records ({@code idemKey}, once), the merchant's view
 * (amount, fee, net in the settlement currency) and its postings, which balance. Built only by the
 * factories below, {@link PayoutEntries}'s and {@link DisputeEntries}', one per money movement
 * (docs/ledger.md has each one's postings).
 */
public record JournalEntry(
    String idemKey,
    String merchantId,
    boolean livemode,
    String type,
    String source,
    String currency,
    long amount,
    long fee,
    long net,
    Long originalAmount,
    String originalCurrency,
    BigDecimal exchangeRate,
    Instant availableOn,
    List<Posting> postings) {

  /** Who pays for a refund's share of the fee. */
  public enum RefundFee {
    /** The platform keeps the whole fee; the merchant gives back the whole refunded share. */
    KEEP,
    /** The platform returns the refunded share of the fee to the merchant. */
    RETURN
  }

  /** The entry types that are a payout's own money, never an item of one. */
  private static final java.util.Set<String> PAYOUT_OWN = java.util.Set.of("payout", "payout_paid");

  /**
   * What this entry did to the merchant's available balance, as an automatic payout pays it
   * (docs/payouts.md): 0 when it is not an item of a payout.
   */
  public long payoutItemNet() {
    if (PAYOUT_OWN.contains(type)) {
      return 0;
    }
    String available = Posting.available(merchantId, livemode, currency);
    long sum = 0;
    for (Posting p : postings) {
      if (p.account().equals(available)) {
        sum += p.amount();
      }
    }
    return -sum;
  }

  public JournalEntry {
    postings = List.copyOf(postings);
    long sum = 0;
    for (Posting p : postings) {
      if (!p.currency().equals(currency)) {
        throw new IllegalArgumentException("one currency per entry: " + p);
      }
      sum += p.amount();
    }
    if (postings.size() < 2 || sum != 0) {
      throw new IllegalArgumentException("entry " + idemKey + " does not balance: " + postings);
    }
    if (net != amount - fee) {
      throw new IllegalArgumentException("net must be amount - fee in " + idemKey);
    }
  }

  /**
   * A completed payment: the settled amount from the processor's clearing account, the net to the
   * merchant's pending balance (straight to available when {@code availableNow}: no settlement
   * delay), the fee to the platform. FX uses the rates frozen on the payment.
   */
  public static JournalEntry charge(Payment p, Instant availableOn, boolean availableNow) {
    String currency = p.netCurrency;
    long settled = p.settledAmount;
    List<Posting> postings = new ArrayList<>();
    postings.add(new Posting(Posting.clearing(p.livemode, currency), currency, settled));
    if (p.net > 0) {
      String merchant =
          availableNow
              ? Posting.available(p.merchantId, p.livemode, currency)
              : Posting.pending(p.merchantId, p.livemode, currency);
      postings.add(new Posting(merchant, currency, -p.net));
    }
    if (p.fee > 0) {
      postings.add(new Posting(Posting.fees(p.livemode, currency), currency, -p.fee));
    }
    boolean fx = !currency.equals(p.currency.strip());
    return new JournalEntry(
        "charge:" + p.id,
        p.merchantId,
        p.livemode,
        "charge",
        p.id,
        currency,
        settled,
        p.fee,
        p.net,
        fx ? p.amount : null,
        fx ? p.currency.strip() : null,
        fx ? rate(p) : null,
        availableOn,
        postings);
  }

  /**
   * A refund of {@code refundedAfter - refundedBefore} minor units of the payment's currency: its
   * share of the settled amount (so that the shares of a full refund add up to it exactly) back to
   * the processor, from the merchant's available balance (which may go below zero), and with {@code
   * RETURN} the same share of the fee from the platform. Null when the share rounds to nothing.
   */
  public static JournalEntry refund(
      Payment p, String refundId, long refundedBefore, long refundedAfter, RefundFee policy) {
    String currency = p.netCurrency;
    long share =
        share(p.settledAmount, p.amount, refundedAfter)
            - share(p.settledAmount, p.amount, refundedBefore);
    if (share <= 0) {
      return null;
    }
    long feeBack =
        policy == RefundFee.RETURN
            ? share(p.fee, p.amount, refundedAfter) - share(p.fee, p.amount, refundedBefore)
            : 0;
    List<Posting> postings = new ArrayList<>();
    postings.add(new Posting(Posting.clearing(p.livemode, currency), currency, -share));
    if (share - feeBack > 0) {
      postings.add(
          new Posting(
              Posting.available(p.merchantId, p.livemode, currency), currency, share - feeBack));
    }
    if (feeBack > 0) {
      postings.add(new Posting(Posting.fees(p.livemode, currency), currency, feeBack));
    }
    boolean fx = !currency.equals(p.currency.strip());
    return new JournalEntry(
        "refund:" + refundId,
        p.merchantId,
        p.livemode,
        "refund",
        refundId,
        currency,
        -share,
        -feeBack,
        -share + feeBack,
        fx ? -(refundedAfter - refundedBefore) : null,
        fx ? p.currency.strip() : null,
        fx ? rate(p) : null,
        null,
        postings);
  }

  /** A charge's net moves from pending to available. */
  public static JournalEntry available(
      String paymentId, String merchantId, boolean livemode, String currency, long net) {
    return new JournalEntry(
        "available:" + paymentId,
        merchantId,
        livemode,
        "available",
        paymentId,
        currency,
        net,
        0,
        net,
        null,
        null,
        null,
        null,
        List.of(
            new Posting(Posting.pending(merchantId, livemode, currency), currency, net),
            new Posting(Posting.available(merchantId, livemode, currency), currency, -net)));
  }

  /**
   * A reconciliation item's money (docs/ledger.md, settlement): postings of one currency among
   * clearing, settlement and suspense, the zero ones left out. Owned by {@code owner}'s chain (the
   * payment's merchant, or {@code platform}); it changes no merchant balance, so amount, fee and
   * net are zero. Null when nothing moves.
   */
  public static JournalEntry settlement(
      String idemKey, String owner, String source, String currency, List<Posting> postings) {
    List<Posting> moving = postings.stream().filter(p -> p.amount() != 0).toList();
    if (moving.isEmpty()) {
      return null;
    }
    return new JournalEntry(
        idemKey,
        owner,
        true,
        "settlement",
        source,
        currency,
        0,
        0,
        0,
        null,
        null,
        null,
        null,
        moving);
  }

  /** round(total × part / whole), half up: the share of {@code total} that {@code part} is. */
  public static long share(long total, long whole, long part) {
    return BigDecimal.valueOf(total)
        .multiply(BigDecimal.valueOf(part))
        .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /** Settlement units per payment unit, from the frozen units-per-USD rates. */
  /** The rate frozen on the payment, as its entries carry it. */
  static BigDecimal rate(Payment p) {
    if (p.fxPaymentUnitsPerUsd == null || p.fxSettlementUnitsPerUsd == null) {
      return null;
    }
    return p.fxSettlementUnitsPerUsd.divide(
        p.fxPaymentUnitsPerUsd, new MathContext(12, RoundingMode.HALF_UP));
  }
}
