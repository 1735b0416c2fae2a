package dev.payplatform.payments.service.ledger;

import dev.payplatform.payments.config.PaymentsConfig;
import dev.payplatform.payments.domain.Dispute;
import dev.payplatform.payments.domain.DisputeEntries;
import dev.payplatform.payments.domain.JournalEntry;
import dev.payplatform.payments.domain.Payment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.jboss.logging.Logger;

/**
 * What a dispute's money movements post (docs/ledger.md, disputes), in the transaction that moves
 * the dispute: a chargeback's disputed share and fee when it opens, the share (and the fee, when so
 * set) back when it is won. An inquiry posts nothing.
 */
@ApplicationScoped
public class DisputeLedger {
  private static final Logger LOG = Logger.getLogger(DisputeLedger.class);

  private final Ledger ledger;
  private final boolean enabled;
  private final BigDecimal feeUsd;
  private final boolean feeReturnedWhenWon;

  public DisputeLedger(Ledger ledger, PaymentsConfig config) {
    this.ledger = ledger;
    this.enabled = config.ledger().enabled();
    this.feeUsd = config.disputes().feeUsd();
    this.feeReturnedWhenWon = config.disputes().feeReturnedWhenWon();
    if (feeUsd.signum() < 0) {
      throw new IllegalArgumentException("payments.disputes.fee-usd must not be negative");
    }
  }

  /**
   * A chargeback opened on {@code p}: its share of the settled amount (counted on the running total
   * after the refunds so far, as refunds are) and the fee leave available. Sets what moved on the
   * dispute.
   */
  public Uni<Void> withdraw(Payment p, Dispute d) {
    long share =
        JournalEntry.share(p.settledAmount, p.amount, p.refundedTotal + d.amount)
            - JournalEntry.share(p.settledAmount, p.amount, p.refundedTotal);
    d.feeCurrency = p.netCurrency;
    d.withdrawnAmount = share;
    d.fee = fee(p);
    d.fundsWithdrawn = true;
    if (!enabled) {
      return Uni.createFrom().voidItem();
    }
    Uni<String> amount =
        share > 0
            ? ledger.post(DisputeEntries.withdrawal(p, d, share))
            : Uni.createFrom().nullItem();
    return amount
        .chain(
            () ->
                d.fee > 0
                    ? ledger.post(DisputeEntries.fee(p, d, d.fee))
                    : Uni.createFrom().nullItem())
        .replaceWithVoid();
  }

  /** A won chargeback: what was withdrawn comes back (and the fee, when so set). */
  public Uni<Void> reinstate(Dispute d) {
    d.fundsReinstated = true;
    long feeBack = feeReturnedWhenWon ? d.fee : 0;
    if (!enabled || d.withdrawnAmount + feeBack <= 0) {
      return Uni.createFrom().voidItem();
    }
    return ledger.post(DisputeEntries.reversal(d, d.withdrawnAmount, feeBack)).replaceWithVoid();
  }

  /** The fee in the settlement currency's minor units, at the payment's frozen rate. */
  private long fee(Payment p) {
    if (feeUsd.signum() == 0) {
      return 0;
    }
    BigDecimal rate = p.fxSettlementUnitsPerUsd;
    if (rate == null) {
      if (!"USD".equals(p.netCurrency)) {
        LOG.warnf("payment %s has no frozen USD rate: no dispute fee charged", p.id);
        return 0;
      }
      rate = BigDecimal.ONE;
    }
    int exponent = Math.max(0, Currency.getInstance(p.netCurrency).getDefaultFractionDigits());
    return feeUsd
        .multiply(rate)
        .setScale(exponent, RoundingMode.HALF_UP)
        .movePointRight(exponent)
        .longValueExact();
  }
}
