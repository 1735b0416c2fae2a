package dev.payplatform.checkout.service.refunds;

import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.ProcessorRefund;
import dev.payplatform.checkout.domain.ProcessorRefundStatus;
import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.checkout.processor.CardProcessors;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.CardProcessor;
import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.RefundResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Refunds billing-service decided on ({@code refund.created}): run through the processor that
 * captured the payment, answered with {@code refund.succeeded} or {@code refund.failed}. Billing
 * already checked ownership and the refundable amount; the processor checks the amount again
 * against the captured charge.
 */
@ApplicationScoped
public class RefundExecution {
  private static final Logger LOG = Logger.getLogger(RefundExecution.class);
  public static final String PAYMENT_NOT_FOUND = "payment_not_found";
  public static final String CURRENCY_MISMATCH = "currency_mismatch";

  private final CardProcessors processors;
  private final CheckoutEvents events;
  private final InstantSource clock;

  public RefundExecution(CardProcessors processors, CheckoutEvents events, InstantSource clock) {
    this.processors = processors;
    this.events = events;
    this.clock = clock;
  }

  /** What billing asks to refund. */
  public record RefundRequest(
      String merchantId,
      boolean livemode,
      String refundId,
      String paymentId,
      long amount,
      String currency) {}

  /** Runs inside the consumer's transaction; a refund id seen before is not refunded again. */
  public Uni<ProcessorRefund> refund(RefundRequest req) {
    return ProcessorRefund.<ProcessorRefund>find(
            "id = ?1 and merchantId = ?2 and livemode = ?3",
            req.refundId(),
            req.merchantId(),
            req.livemode())
        .<ProcessorRefund>firstResult()
        .chain(
            existing -> {
              if (existing != null) {
                LOG.infof(
                    "refund %s was handled already (%s)", existing.id, existing.status.wire());
                return Uni.createFrom().item(existing);
              }
              return PaymentIntent.<PaymentIntent>find(
                      "paymentId = ?1 and merchantId = ?2 and livemode = ?3 and status = ?4",
                      req.paymentId(),
                      req.merchantId(),
                      req.livemode(),
                      IntentStatus.SUCCEEDED)
                  .<PaymentIntent>firstResult()
                  .chain(pi -> run(req, pi))
                  .chain(this::record);
            });
  }

  private Uni<ProcessorRefund> run(RefundRequest req, PaymentIntent pi) {
    ProcessorRefund r =
        ProcessorRefund.requested(
            req.refundId(),
            req.merchantId(),
            req.livemode(),
            req.paymentId(),
            req.amount(),
            req.currency(),
            Timestamps.now(clock));
    if (pi == null || pi.chargeRef == null) {
      return Uni.createFrom().item(failed(r, PAYMENT_NOT_FOUND));
    }
    r.paymentIntentId = pi.id;
    if (!pi.currency.equals(req.currency())) {
      return Uni.createFrom().item(failed(r, CURRENCY_MISMATCH));
    }
    ProcessorAccount account =
        new ProcessorAccount(pi.merchantId, pi.livemode, pi.gatewayAccountId);
    Optional<CardProcessor> processor = processors.serving(account);
    if (processor.isEmpty()) {
      return Uni.createFrom().item(failed(r, DeclineReasons.LIVE_MODE_UNAVAILABLE));
    }
    return processor
        .get()
        .refund(account, pi.chargeRef, req.amount(), req.currency(), req.refundId())
        .map(
            (RefundResult result) -> {
              if (result.succeeded()) {
                r.succeed(result.reference());
                return r;
              }
              return failed(r, result.failureReason());
            });
  }

  private Uni<ProcessorRefund> record(ProcessorRefund r) {
    return r.<ProcessorRefund>persist()
        .call(
            saved ->
                saved.status == ProcessorRefundStatus.SUCCEEDED
                    ? events.refundSucceeded(saved)
                    : events.refundFailed(saved));
  }

  private static ProcessorRefund failed(ProcessorRefund r, String reason) {
    r.fail(reason);
    return r;
  }
}
