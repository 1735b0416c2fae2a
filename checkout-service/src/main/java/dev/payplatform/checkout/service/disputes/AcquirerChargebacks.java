package dev.payplatform.checkout.service.disputes;

import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * An operator records a chargeback or inquiry the acquirer sent for a live charge
 * (docs/disputes.md) until the acquirer's chargeback lines are read by reconciliation: checkout
 * reports it as the sandbox reports its own, {@code processor.dispute_opened}, and payments-service
 * opens the dispute once per acquirer case.
 */
@ApplicationScoped
public class AcquirerChargebacks {
  private static final Logger LOG = Logger.getLogger(AcquirerChargebacks.class);

  private final CheckoutEvents events;
  private final InstantSource clock;

  public AcquirerChargebacks(CheckoutEvents events, InstantSource clock) {
    this.events = events;
    this.clock = clock;
  }

  /** What the acquirer sent; {@code amount} null disputes the whole charge. */
  public record Chargeback(
      String paymentId,
      String acquirerReference,
      Long amount,
      String reason,
      boolean inquiry,
      String networkReasonCode) {}

  @WithTransaction
  public Uni<CheckoutEvents.DisputeOpened> record(Chargeback c) {
    return PaymentIntent.<PaymentIntent>find(
            "paymentId = ?1 and livemode = true and status = ?2",
            c.paymentId(),
            IntentStatus.SUCCEEDED)
        .firstResult()
        .chain(
            pi -> {
              if (pi == null) {
                throw new ValidationFailedException(
                    FieldError.body("payment_id", "must name a live payment that was charged"));
              }
              long amount = c.amount() == null ? pi.amount : c.amount();
              if (amount > pi.amount) {
                throw new ValidationFailedException(
                    FieldError.body("amount", "must not exceed the charge (" + pi.amount + ")"));
              }
              CheckoutEvents.DisputeOpened opened =
                  new CheckoutEvents.DisputeOpened(
                      pi.id,
                      pi.paymentId,
                      pi.chargeRef,
                      c.acquirerReference(),
                      amount,
                      pi.currency,
                      c.reason(),
                      c.inquiry(),
                      c.networkReasonCode(),
                      Timestamps.format(Timestamps.now(clock)));
              LOG.infof(
                  "acquirer case %s recorded for payment %s: %s, %d %s",
                  c.acquirerReference(), pi.paymentId, c.reason(), amount, pi.currency);
              return events.disputeOpened(pi.merchantId, true, opened).replaceWith(opened);
            });
  }
}
