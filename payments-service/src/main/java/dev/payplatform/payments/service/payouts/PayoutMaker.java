package dev.payplatform.payments.service.payouts;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.payments.domain.Payout;
import dev.payplatform.payments.domain.PayoutEntries;
import dev.payplatform.payments.domain.PayoutSchedule;
import dev.payplatform.payments.domain.PayoutSettings;
import dev.payplatform.payments.domain.PayoutStatus;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.messaging.PaymentOutbox;
import dev.payplatform.payments.service.ledger.Ledger;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Makes a payout, manual or automatic, in the caller's transaction: the row (to the bank account as
 * it is now, sealed), its {@code payout} balance transaction (available to in transit) and {@code
 * payout.created}. It is sent to the bank by {@link PayoutTransfers}.
 */
@ApplicationScoped
public class PayoutMaker {
  private final Ledger ledger;
  private final PaymentOutbox outbox;

  public PayoutMaker(Ledger ledger, PaymentOutbox outbox) {
    this.ledger = ledger;
    this.outbox = outbox;
  }

  /**
   * @param id the payout's id (an automatic payout's items are claimed under it first)
   * @param clockNow the merchant's payout clock: the execution and arrival dates follow it
   */
  public Uni<Payout> make(
      String id,
      PayoutSettings s,
      long amount,
      String currency,
      boolean automatic,
      String description,
      Instant realNow,
      Instant clockNow) {
    Payout po = new Payout();
    po.id = id;
    po.merchantId = s.merchantId;
    po.livemode = s.livemode;
    po.amount = amount;
    po.currency = currency;
    po.executionDate =
        PayoutSchedule.businessDayFrom(LocalDate.ofInstant(clockNow, ZoneOffset.UTC));
    po.arrivalDate = PayoutSchedule.businessDayFrom(po.executionDate.plusDays(1));
    po.method = "standard";
    po.automatic = automatic;
    po.status = PayoutStatus.PENDING;
    po.description = description;
    po.destination = s.bankAccountId;
    po.destinationHolderName = s.bankHolderName;
    po.destinationSealed = s.bankAccountSealed;
    po.createdAt = realNow;
    po.updatedAt = realNow;
    return po.<Payout>persist()
        .chain(() -> ledger.post(PayoutEntries.made(po)))
        .invoke(txn -> po.balanceTransaction = txn)
        .chain(() -> outbox.emit(po, PaymentEvents.PAYOUT_CREATED))
        .replaceWith(po);
  }

  public static String newId() {
    return Ids.newId(Payout.PREFIX);
  }
}
