package dev.payplatform.checkout.processor.sandbox;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.CardSummary;
import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import dev.payplatform.processor.RefundResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * The sandbox's money side, over its {@code sandbox_charge} and {@code sandbox_payment_method}
 * records: captures a charge (saving the card when asked), charges a saved card off-session, and
 * refunds within what a charge has left. Apart from {@link SandboxProcessor}, which decides from
 * the test card whether there is a charge at all. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SandboxCharges {
  private static final Logger LOG = Logger.getLogger(SandboxCharges.class);

  private final InstantSource clock;
  private final Duration disputeDelay;

  public SandboxCharges(InstantSource clock, CheckoutConfig config) {
    this.clock = clock;
    this.disputeDelay = config.sandbox().disputeDelay();
  }

  /** Charges the card, and saves it as a payment method if asked: the payment succeeded. */
  public Uni<ProcessorResult> capture(
      ProcessorAccount account,
      CardSummary summary,
      SandboxBehaviour behaviour,
      long amount,
      String currency,
      boolean savePaymentMethod) {
    return newCharge(account, behaviour, amount, currency)
        .chain(
            charge -> {
              if (!savePaymentMethod) {
                return Uni.createFrom().item(ProcessorResult.succeeded(summary, charge.id, null));
              }
              SandboxPaymentMethod pm = new SandboxPaymentMethod();
              pm.id = Ids.newId("pm");
              pm.merchantId = account.merchantId();
              pm.livemode = account.livemode();
              pm.behaviour = behaviour;
              pm.cardBrand = summary.brand();
              pm.cardLast4 = summary.last4();
              pm.cardExpMonth = summary.expMonth();
              pm.cardExpYear = summary.expYear();
              pm.cardCountry = summary.country();
              pm.createdAt = Timestamps.now(clock);
              return pm.persist()
                  .replaceWith(() -> ProcessorResult.succeeded(summary, charge.id, pm.id));
            });
  }

  /**
   * Charges a saved payment method off-session, as its test card does: declined if it declines, and
   * a card that challenges every payment cannot be charged without its cardholder.
   */
  public Uni<ProcessorResult> chargeSaved(
      ProcessorAccount account, String paymentMethodId, long amount, String currency) {
    return SandboxPaymentMethod.<SandboxPaymentMethod>find(
            "id = ?1 and merchantId = ?2 and livemode = ?3",
            paymentMethodId,
            account.merchantId(),
            account.livemode())
        .<SandboxPaymentMethod>firstResult()
        .chain(
            pm -> {
              if (pm == null) {
                return Uni.createFrom()
                    .item(
                        ProcessorResult.declined(
                            null,
                            DeclineReasons.CARD_DECLINED,
                            "No such saved payment method: " + paymentMethodId + "."));
              }
              CardSummary summary =
                  new CardSummary(
                      pm.cardBrand,
                      pm.cardLast4,
                      pm.cardExpMonth,
                      pm.cardExpYear,
                      pm.cardCountry,
                      null);
              if (pm.behaviour.declineReason() != null) {
                return Uni.createFrom()
                    .item(ProcessorResult.declined(summary, pm.behaviour.declineReason()));
              }
              if (pm.behaviour == SandboxBehaviour.CHALLENGE_ALWAYS) {
                return Uni.createFrom()
                    .item(
                        ProcessorResult.declined(
                            summary,
                            DeclineReasons.AUTHENTICATION_FAILED,
                            "This card requires the cardholder to authenticate every payment;"
                                + " it cannot be charged off-session."));
              }
              return newCharge(account, pm.behaviour, amount, currency)
                  .map(ch -> ProcessorResult.succeeded(summary, ch.id, pm.id));
            });
  }

  /** Refunds part or all of a charge, never more than it has left, under its row lock. */
  public Uni<RefundResult> refund(
      ProcessorAccount account, String chargeRef, long amount, String currency, String refundId) {
    return SandboxCharge.<SandboxCharge>find(
            "id = ?1 and merchantId = ?2 and livemode = ?3",
            chargeRef,
            account.merchantId(),
            account.livemode())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .<SandboxCharge>firstResult()
        .map(
            charge -> {
              if (charge == null) {
                return RefundResult.failed("charge_not_found");
              }
              if (!charge.currency.equals(currency)) {
                return RefundResult.failed("currency_mismatch");
              }
              if (amount <= 0 || amount > charge.amount - charge.amountRefunded) {
                return RefundResult.failed("amount_exceeds_refundable");
              }
              charge.amountRefunded += amount;
              LOG.debugf(
                  "sandbox refunded %d %s of %s for %s", amount, currency, chargeRef, refundId);
              return RefundResult.ok(Ids.newId("rfd"));
            });
  }

  private Uni<SandboxCharge> newCharge(
      ProcessorAccount account, SandboxBehaviour behaviour, long amount, String currency) {
    SandboxCharge charge = new SandboxCharge();
    charge.id = Ids.newId("ch");
    charge.merchantId = account.merchantId();
    charge.livemode = account.livemode();
    charge.amount = amount;
    charge.currency = currency;
    charge.createdAt = Timestamps.now(clock);
    if (behaviour.disputeReason() != null) {
      // A disputing test card: its cardholder disputes the charge a while later (SandboxDisputes).
      charge.disputeReason = behaviour.disputeReason();
      charge.disputeInquiry = behaviour.disputeIsInquiry();
      charge.disputeDueAt = charge.createdAt.plus(disputeDelay);
    }
    return charge.persist().replaceWith(charge);
  }
}
