package dev.payplatform.billing.service.refunds;

import dev.payplatform.billing.domain.Refund;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.DomainException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Refunds a charge that succeeded after its payment was canceled, when the merchant's setting says
 * so (payments-service announces it as {@code payment.succeeded} with {@code late_success:
 * "refund"}). Runs in the consumer's transaction, with its inbox claim, so the refund is made once
 * however often the event is delivered; it then takes the path every refund takes ({@code
 * refund.created} → checkout's processor → {@code refund.updated}).
 */
@ApplicationScoped
public class LateSuccessRefunds {
  private static final Logger LOG = Logger.getLogger(LateSuccessRefunds.class);

  private final RefundService refunds;

  public LateSuccessRefunds(RefundService refunds) {
    this.refunds = refunds;
  }

  public Uni<Void> refund(Tenant tenant, String paymentId) {
    return refunds
        .create(tenant, paymentId, null, Refund.REASON_LATE_SUCCESS)
        .invoke(
            r ->
                LOG.infof(
                    "refund %s created for payment %s, which succeeded after it was canceled",
                    r.id, paymentId))
        .replaceWithVoid()
        // Already refunded meanwhile (by the merchant): nothing is left to give back.
        .onFailure(DomainException.class)
        .recoverWithUni(
            refused -> {
              LOG.infof(
                  "payment %s succeeded late but is not refundable now (%s): nothing to refund",
                  paymentId, refused.getMessage());
              return Uni.createFrom().voidItem();
            });
  }
}
