package dev.payplatform.payments.messaging;

import dev.payplatform.commons.events.OutgoingEvent;
import dev.payplatform.commons.outbox.OutboxWriter;
import dev.payplatform.payments.config.PaymentsTopicsConfig;
import dev.payplatform.payments.domain.Dispute;
import dev.payplatform.payments.domain.Payment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The one way payments-service's events ({@link PaymentEvents}) reach {@code payments.events} (key
 * = payment id): appended to the outbox inside the caller's transaction: the event commits with the
 * change it announces, or neither does.
 */
@ApplicationScoped
public class PaymentOutbox {
  private final OutboxWriter outbox;
  private final String topic;

  public PaymentOutbox(OutboxWriter outbox, PaymentsTopicsConfig topics) {
    this.outbox = outbox;
    this.topic = topics.payments();
  }

  public Uni<Void> emit(Payment p, String type, PaymentEvents.Payload data) {
    return emit(p.id, p.merchantId, p.livemode, type, data);
  }

  /** A {@code charge.dispute.*} event: the dispute as it is now, keyed by its payment. */
  public Uni<Void> emit(Dispute d, String type, Instant now) {
    return emit(d.paymentId, d.merchantId, d.livemode, type, PaymentEvents.DisputeData.of(d, now));
  }

  /** A {@code payout.*} event: the payout as it is now, keyed by its own id. */
  public Uni<Void> emit(dev.payplatform.payments.domain.Payout po, String type) {
    return emit(po.id, po.merchantId, po.livemode, type, PaymentEvents.PayoutData.of(po));
  }

  /** An event about a payment that is not loaded (the ledger's settlement sweep). */
  public Uni<Void> emit(
      String paymentId,
      String merchantId,
      boolean livemode,
      String type,
      PaymentEvents.Payload data) {
    return outbox
        .append(new OutgoingEvent(topic, type, paymentId, merchantId, livemode, data))
        .replaceWithVoid();
  }
}
