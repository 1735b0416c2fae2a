package dev.payplatform.payments.service.outcomes;

import dev.payplatform.payments.domain.MerchantProfile;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.messaging.PaymentOutbox;
import dev.payplatform.payments.service.fees.FeeCalculator;
import dev.payplatform.payments.service.fees.FeePlan;
import dev.payplatform.payments.service.fees.FxRates;
import dev.payplatform.payments.service.ledger.PaymentLedger;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What completing a payment adds: the merchant's fee plan and the current FX rates, frozen on the
 * payment with the fee and net they give, its charge posted to the ledger, then {@code
 * payment.succeeded}. Runs in the transaction that moved the payment to {@code completed}.
 */
@ApplicationScoped
public class PaymentCompletion {
  private final FxRates fx;
  private final PaymentOutbox events;
  private final PaymentLedger ledger;

  public PaymentCompletion(FxRates fx, PaymentOutbox events, PaymentLedger ledger) {
    this.fx = fx;
    this.events = events;
    this.ledger = ledger;
  }

  /**
   * Freezes the fee plan and the current FX rates on the payment, then announces it. A {@code late}
   * success (after a cancel) also takes the merchant's {@code late_success} setting from the same
   * profile read.
   */
  Uni<Void> complete(Payment p, String paymentIntentId, boolean late) {
    p.completedAt = p.updatedAt;
    p.declineReason = null;
    p.failureMessage = null;
    String currency = p.currency.strip();
    return MerchantProfile.<MerchantProfile>findById(p.merchantId)
        .invoke(
            m -> {
              if (late) {
                p.lateSuccess =
                    m != null && ChargeOutcomes.LATE_SUCCESS_KEEP.equals(m.lateSuccess)
                        ? ChargeOutcomes.LATE_SUCCESS_KEEP
                        : ChargeOutcomes.LATE_SUCCESS_REFUND;
              }
            })
        .map(m -> m == null ? FeePlan.defaultFor(currency) : FeePlan.of(m))
        .chain(
            plan ->
                fx.currentFor(currency, plan.settlementCurrency(), plan.localCurrency())
                    .map(
                        rates -> {
                          FeeCalculator.Settlement s =
                              FeeCalculator.settle(p.amount, currency, plan, rates);
                          p.feePlan = s.feePlan();
                          p.feeBasisPoints = s.basisPoints();
                          p.feeFixed = s.fixedMinor();
                          p.settlementCurrency = s.settlementCurrency();
                          p.localCurrency = s.localCurrency();
                          p.statementDescriptor = plan.statementDescriptor();
                          p.settledAmount = s.settledAmount();
                          p.fee = s.fee();
                          p.net = s.net();
                          p.netCurrency = s.netCurrency();
                          p.fxPaymentUnitsPerUsd = s.fxPaymentUnitsPerUsd();
                          p.fxSettlementUnitsPerUsd = s.fxSettlementUnitsPerUsd();
                          p.fxLocalUnitsPerUsd = s.fxLocalUnitsPerUsd();
                          return s;
                        }))
        .chain(
            s ->
                events.emit(
                    p,
                    PaymentEvents.SUCCEEDED,
                    new PaymentEvents.Succeeded(
                        PaymentEvents.PaymentData.of(p),
                        s.fee(),
                        s.net(),
                        s.netCurrency(),
                        paymentIntentId,
                        p.lateSuccess)))
        // After payment.succeeded in the outbox, so balance.available follows it on the
        // payment's stream (the outbox publishes in id order).
        .call(() -> ledger.charged(p));
  }
}
