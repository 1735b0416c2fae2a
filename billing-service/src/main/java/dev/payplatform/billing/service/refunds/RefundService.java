package dev.payplatform.billing.service.refunds;

import dev.payplatform.billing.domain.PaymentAlreadyRefunded;
import dev.payplatform.billing.domain.PaymentDisputed;
import dev.payplatform.billing.domain.PaymentNotRefundable;
import dev.payplatform.billing.domain.PaymentRecord;
import dev.payplatform.billing.domain.PaymentRecordStatus;
import dev.payplatform.billing.domain.ReferenceNotFound;
import dev.payplatform.billing.domain.Refund;
import dev.payplatform.billing.domain.RefundExceedsPayment;
import dev.payplatform.billing.domain.RefundNotFound;
import dev.payplatform.billing.domain.RefundStatus;
import dev.payplatform.billing.domain.RefundsPendingForRemainder;
import dev.payplatform.billing.messaging.BillingEvents;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.messaging.InapplicableEventException;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.commons.time.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Currency;
import org.jboss.logging.Logger;

/**
 * Refunds that can never over-refund: the payment's read-model row is locked (select ... for
 * update) while the remainder is checked, and the new refund reserves its amount in the same
 * transaction, so concurrent refunds of one payment queue behind each other.
 */
@ApplicationScoped
public class RefundService {
  private static final Logger LOG = Logger.getLogger(RefundService.class);

  private final BillingEvents events;
  private final InstantSource clock;
  private final Counter unknownRefundOutcomes;

  public RefundService(BillingEvents events, InstantSource clock, MeterRegistry metrics) {
    this.events = events;
    this.clock = clock;
    this.unknownRefundOutcomes =
        Counter.builder("billing_unknown_refund_outcomes")
            .description("Refund outcomes from checkout for refunds billing does not have")
            .register(metrics);
  }

  /**
   * @param amount minor units, or null for everything that remains refundable
   * @param reason duplicate, fraudulent, requested_by_customer, or null
   */
  @WithTransaction
  public Uni<Refund> create(Tenant tenant, String paymentId, Long amount, String reason) {
    return lockPayment(tenant, paymentId)
        .chain(
            payment -> {
              if (payment == null) {
                throw new ReferenceNotFound("payment_id", "payment", paymentId);
              }
              if (payment.status == PaymentRecordStatus.REFUNDED) {
                throw new PaymentAlreadyRefunded(payment.id);
              }
              if (!payment.isRefundable()) {
                throw new PaymentNotRefundable(payment.id, payment.status);
              }
              if (payment.disputeOpen) {
                throw new PaymentDisputed(payment.id, payment.disputeId);
              }
              long remaining = payment.refundable();
              if (remaining == 0) {
                throw payment.refundsPending > 0
                    ? new RefundsPendingForRemainder(payment.id)
                    : new PaymentAlreadyRefunded(payment.id);
              }
              Currency currency = Currency.getInstance(payment.currency);
              long requested =
                  amount == null
                      ? remaining
                      : Money.ofMinorUnits(amount, currency, "body", "amount").minorUnits();
              if (requested > remaining) {
                throw new RefundExceedsPayment(requested, payment.id, remaining, payment.currency);
              }
              payment.refundsPending += requested;
              Instant now = Timestamps.now(clock);
              Refund r = new Refund();
              r.id = Ids.newId(Refund.ID_PREFIX);
              r.merchantId = tenant.merchantId();
              r.livemode = tenant.livemode();
              r.paymentId = payment.id;
              r.amount = requested;
              r.currency = payment.currency;
              r.reason = reason;
              r.status = RefundStatus.PENDING;
              r.createdAt = now;
              r.updatedAt = now;
              return r.<Refund>persist().call(events::refundCreated);
            });
  }

  /**
   * checkout-service reports how a refund ended: succeeded moves its reservation into the settled
   * total, failed releases it. Duplicates and late events for a settled refund are ignored.
   */
  @WithTransaction
  public Uni<Void> settle(Tenant tenant, String refundId, boolean succeeded, String failureReason) {
    // Lock order everywhere: the payment row, then its refunds; only the refund's payment id is
    // read before the lock, so the refund itself is loaded after it, never stale.
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createSelectionQuery(
                        "select r.paymentId from Refund r where r.merchantId = :merchantId"
                            + " and r.livemode = :livemode and r.id = :id",
                        String.class)
                    .setParameter("merchantId", tenant.merchantId())
                    .setParameter("livemode", tenant.livemode())
                    .setParameter("id", refundId)
                    .getSingleResultOrNull())
        .chain(
            paymentId -> {
              if (paymentId == null) {
                // Checkout refunds only what billing asked for, so this is another environment's
                // event on a shared topic, or a bug. Counted and logged, not dead-lettered: a
                // topic shared with test producers flooded the dead-letter topic with thousands
                // of them and held the consumer back by minutes (issue 27's note).
                unknownRefundOutcomes.increment();
                LOG.warnf("refund outcome for unknown refund %s: nothing to settle", refundId);
                return Uni.createFrom().voidItem();
              }
              return lockPayment(tenant, paymentId)
                  .chain(
                      payment ->
                          Refund.<Refund>findById(refundId)
                              .chain(refund -> apply(payment, refund, succeeded, failureReason)));
            });
  }

  private Uni<Void> apply(
      PaymentRecord payment, Refund refund, boolean succeeded, String failureReason) {
    RefundStatus before = refund.status;
    if (!refund.settle(succeeded, failureReason, Timestamps.now(clock))) {
      boolean same = before == (succeeded ? RefundStatus.SUCCEEDED : RefundStatus.FAILED);
      if (!same) {
        // The processor said both: the refund's record and the money disagree.
        throw new InapplicableEventException(
            "refund "
                + refund.id
                + " is already "
                + before.wire()
                + " but its "
                + (succeeded ? "success" : "failure")
                + " arrived");
      }
      LOG.infof("refund %s is already %s: a repeated outcome", refund.id, before.wire());
      return Uni.createFrom().voidItem();
    }
    payment.refundsPending = Math.max(0, payment.refundsPending - refund.amount);
    if (succeeded) {
      payment.refundsSucceeded += refund.amount;
    }
    return events.refundUpdated(refund).replaceWithVoid();
  }

  @WithSession
  public Uni<Refund> get(Tenant tenant, String id) {
    if (!Ids.looksLike(id, Refund.ID_PREFIX)) {
      return Uni.createFrom().failure(new RefundNotFound(id));
    }
    return Refund.<Refund>find(Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new RefundNotFound(id));
  }

  @WithSession
  public Uni<Page<Refund>> list(Tenant tenant, String paymentId, PageRequest page) {
    String where = Tenant.WHERE;
    Parameters params = tenant.parameters();
    if (paymentId != null) {
      where += " and paymentId = :paymentId";
      params = params.and("paymentId", paymentId);
    }
    return Pages.of(Refund.<Refund>find(where, Pages.NEWEST_FIRST, params), page);
  }

  private static Uni<PaymentRecord> lockPayment(Tenant tenant, String paymentId) {
    if (!Ids.looksLike(paymentId, PaymentRecord.ID_PREFIX)) {
      return Uni.createFrom().nullItem();
    }
    return PaymentRecord.<PaymentRecord>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", paymentId))
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult();
  }
}
