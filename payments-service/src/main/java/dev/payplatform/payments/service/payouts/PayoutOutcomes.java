package dev.payplatform.payments.service.payouts;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.state.Transitions.Move;
import dev.payplatform.payments.domain.Payout;
import dev.payplatform.payments.domain.PayoutEntries;
import dev.payplatform.payments.domain.PayoutNotFound;
import dev.payplatform.payments.domain.PayoutStatus;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.messaging.PaymentOutbox;
import dev.payplatform.payments.service.ledger.Ledger;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hibernate.LockMode;

/**
 * Every move of a payout after it is made, in the caller's transaction under the payout's row lock:
 * the status ({@link PayoutStatus}), its ledger entry and its event, together or not at all. A move
 * that already happened (a file read twice, a redelivered answer) changes nothing.
 */
@ApplicationScoped
public class PayoutOutcomes {
  private final Ledger ledger;
  private final PaymentOutbox outbox;

  public PayoutOutcomes(Ledger ledger, PaymentOutbox outbox) {
    this.ledger = ledger;
    this.outbox = outbox;
  }

  /** The payout, locked; null when there is none. */
  public static Uni<Payout> lock(String id) {
    return Panache.getSession().chain(s -> s.find(Payout.class, id, LockMode.PESSIMISTIC_WRITE));
  }

  /** The payout of {@code tenant}, locked; another merchant's is not found. */
  public static Uni<Payout> lockOwn(Tenant tenant, String id) {
    return lock(id)
        .map(
            po -> {
              if (po == null
                  || !po.merchantId.equals(tenant.merchantId())
                  || po.livemode != tenant.livemode()) {
                throw new PayoutNotFound(id);
              }
              return po;
            });
  }

  /** Its pain.001 is on the bank's server. */
  public Uni<Void> sent(Payout po, Instant now) {
    if (po.moveTo(PayoutStatus.IN_TRANSIT, now) != Move.MOVED) {
      return Uni.createFrom().voidItem();
    }
    return outbox.emit(po, PaymentEvents.PAYOUT_UPDATED);
  }

  /** The bank booked it: the money left the platform's bank account. */
  public Uni<Void> paid(Payout po, Instant now) {
    if (po.status == PayoutStatus.PENDING) {
      // The bank booked it before its file was marked sent: it was in transit all the same.
      return sent(po, now).chain(() -> paid(po, now));
    }
    if (po.moveTo(PayoutStatus.PAID, now) != Move.MOVED) {
      return Uni.createFrom().voidItem();
    }
    return ledger
        .post(PayoutEntries.paid(po))
        .chain(() -> outbox.emit(po, PaymentEvents.PAYOUT_PAID));
  }

  /** Rejected or returned by the bank: the amount is back in the merchant's available balance. */
  public Uni<Void> failed(Payout po, String code, String message, Instant now) {
    boolean wasPaid = po.status == PayoutStatus.PAID;
    if (po.moveTo(PayoutStatus.FAILED, now) != Move.MOVED) {
      return Uni.createFrom().voidItem();
    }
    po.failureCode = code;
    po.failureMessage = message;
    return ledger
        .post(PayoutEntries.returned(po, "payout_failure", wasPaid))
        .invoke(txn -> po.failureBalanceTransaction = txn)
        .chain(() -> outbox.emit(po, PaymentEvents.PAYOUT_FAILED));
  }

  /** Canceled before it was sent: the amount is back in available. */
  public Uni<Void> canceled(Payout po, Instant now) {
    if (po.moveTo(PayoutStatus.CANCELED, now) != Move.MOVED) {
      return Uni.createFrom().voidItem();
    }
    return ledger
        .post(PayoutEntries.returned(po, "payout_cancel", false))
        .invoke(txn -> po.failureBalanceTransaction = txn)
        .chain(() -> outbox.emit(po, PaymentEvents.PAYOUT_CANCELED));
  }
}
