package dev.payplatform.payments.service.disputes;

import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.config.PaymentsConfig;
import dev.payplatform.payments.domain.Dispute;
import dev.payplatform.payments.domain.DisputeEvidence;
import dev.payplatform.payments.domain.DisputeStatus;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.domain.PaymentStatus;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.messaging.PaymentOutbox;
import dev.payplatform.payments.messaging.ProcessorDispute;
import dev.payplatform.payments.service.ledger.DisputeLedger;
import dev.payplatform.payments.service.outcomes.PaymentLock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Opens the merchant's dispute when the processor reports one ({@code processor.dispute_opened}),
 * inside the consumer's transaction and under the payment's lock: once per processor case. A
 * chargeback's money leaves available at once, with its fee (DisputeLedger); an inquiry moves none.
 */
@ApplicationScoped
public class DisputeOpening {
  private static final Logger LOG = Logger.getLogger(DisputeOpening.class);
  private static final Set<PaymentStatus> CHARGED =
      Set.of(PaymentStatus.COMPLETED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED);

  private final DisputeLedger ledger;
  private final PaymentOutbox events;
  private final InstantSource clock;
  private final Duration responseWindow;

  public DisputeOpening(
      DisputeLedger ledger, PaymentOutbox events, InstantSource clock, PaymentsConfig config) {
    this.ledger = ledger;
    this.events = events;
    this.clock = clock;
    this.responseWindow = config.disputes().responseWindow();
  }

  public Uni<Void> open(IncomingEvent event, ProcessorDispute reported) {
    return PaymentLock.take(reported.paymentId())
        .chain(() -> Payment.<Payment>findById(reported.paymentId()))
        .chain(
            p -> {
              if (p == null
                  || !p.belongsTo(event.merchantId(), event.livemode())
                  || !p.currency.strip().equals(reported.currency())) {
                LOG.errorf(
                    "dispute %s (%s) names payment %s, unknown or not matching (tenant or"
                        + " currency); ignored",
                    reported.processorReference(), event.id(), reported.paymentId());
                return Uni.createFrom().voidItem();
              }
              if (!CHARGED.contains(p.status)) {
                LOG.errorf(
                    "dispute %s (%s) of payment %s, which is %s: nothing was charged; ignored",
                    reported.processorReference(), event.id(), p.id, p.status.publicWord());
                return Uni.createFrom().voidItem();
              }
              return Dispute.<Dispute>find(
                      "processorReference = ?1 and livemode = ?2",
                      reported.processorReference(),
                      p.livemode)
                  .firstResult()
                  .chain(
                      known -> {
                        if (known != null) {
                          LOG.infof(
                              "dispute %s already open as %s; ignored",
                              reported.processorReference(), known.id);
                          return Uni.createFrom().voidItem();
                        }
                        return openNew(p, reported);
                      });
            });
  }

  private Uni<Void> openNew(Payment p, ProcessorDispute reported) {
    Instant now = Timestamps.now(clock);
    long open = p.amount - p.refundedTotal;
    if (open <= 0) {
      LOG.warnf(
          "dispute %s of payment %s, which is fully refunded: nothing to dispute; ignored",
          reported.processorReference(), p.id);
      return Uni.createFrom().voidItem();
    }
    boolean inquiry = Boolean.TRUE.equals(reported.inquiry());
    Dispute d = new Dispute();
    d.id = Ids.newId(Dispute.PREFIX);
    d.merchantId = p.merchantId;
    d.livemode = p.livemode;
    d.paymentId = p.id;
    d.processorReference = reported.processorReference();
    d.networkReasonCode = reported.networkReasonCode();
    d.amount = Math.min(reported.amount(), open);
    d.currency = p.currency.strip();
    d.reason = reported.reason();
    d.isInquiry = inquiry;
    d.status = inquiry ? DisputeStatus.WARNING_NEEDS_RESPONSE : DisputeStatus.NEEDS_RESPONSE;
    d.evidence = DisputeEvidence.NONE;
    d.evidenceDueBy = now.plus(responseWindow);
    d.createdAt = now;
    d.updatedAt = now;
    p.disputeId = d.id;
    p.updatedAt = now;
    LOG.infof(
        "dispute %s opened on payment %s: %s, %d %s (%s)",
        d.id, p.id, d.reason, d.amount, d.currency, inquiry ? "inquiry" : "chargeback");
    Uni<Void> money = inquiry ? Uni.createFrom().voidItem() : ledger.withdraw(p, d);
    return money
        .chain(d::persist)
        .chain(() -> events.emit(d, PaymentEvents.DISPUTE_CREATED, now))
        .chain(
            () ->
                d.fundsWithdrawn
                    ? events.emit(d, PaymentEvents.DISPUTE_FUNDS_WITHDRAWN, now)
                    : Uni.createFrom().voidItem());
  }
}
