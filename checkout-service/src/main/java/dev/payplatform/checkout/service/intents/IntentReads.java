package dev.payplatform.checkout.service.intents;

import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.processor.ProcessorAccount;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Reading payment intents, shared by the use cases that create, confirm and charge them. */
@ApplicationScoped
public class IntentReads {

  /** The intent of a payment id (one payment id has one intent), or null. */
  @WithSession
  public Uni<PaymentIntent> findByPayment(String merchantId, boolean livemode, String paymentId) {
    return PaymentIntent.find(
            "paymentId = ?1 and merchantId = ?2 and livemode = ?3", paymentId, merchantId, livemode)
        .<PaymentIntent>firstResult();
  }

  /** An intent by id, for the buyer's pages (bound by the challenge token they carry). */
  @WithSession
  public Uni<PaymentIntent> find(String intentId) {
    if (!Ids.looksLike(intentId, PaymentIntent.ID_PREFIX)) {
      return Uni.createFrom().nullItem();
    }
    return PaymentIntent.findById(intentId);
  }

  /** The intent locked for update inside the caller's transaction, or null. */
  public static Uni<PaymentIntent> lock(String intentId) {
    if (!Ids.looksLike(intentId, PaymentIntent.ID_PREFIX)) {
      return Uni.createFrom().nullItem();
    }
    return PaymentIntent.findById(intentId, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The processor account an intent is charged through. */
  public static ProcessorAccount accountOf(PaymentIntent pi) {
    return new ProcessorAccount(pi.merchantId, pi.livemode, pi.gatewayAccountId);
  }
}
