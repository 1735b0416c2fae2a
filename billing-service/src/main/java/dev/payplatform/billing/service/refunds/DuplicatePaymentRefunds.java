package dev.payplatform.billing.service.refunds;

import dev.payplatform.billing.config.BillingConfig;
import dev.payplatform.billing.domain.InvoiceOverpayment;
import dev.payplatform.billing.domain.PaymentRecord;
import dev.payplatform.billing.domain.PaymentRecordStatus;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.DomainException;
import dev.payplatform.commons.sweep.ItemSweep;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.InstantSource;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refunds a second payment of one invoice automatically, through the same path a merchant's refund
 * takes ({@code refund.created} → checkout's processor → {@code refund.succeeded}), with reason
 * {@code duplicate}, so it shows on the refund list and in the events. It waits until
 * payments-service has announced the payment (billing refunds only payments it knows completed).
 */
@ApplicationScoped
public class DuplicatePaymentRefunds implements ItemSweep<String> {
  static final String SWEEP = "billing.duplicate-invoice-payments";
  private static final Logger LOG = Logger.getLogger(DuplicatePaymentRefunds.class);
  private static final int BATCH = 100;

  private final RefundService refunds;
  private final InstantSource clock;
  private final Sweep.Schedule schedule;

  public DuplicatePaymentRefunds(RefundService refunds, InstantSource clock, BillingConfig config) {
    this.refunds = refunds;
    this.clock = clock;
    this.schedule = new Sweep.Schedule(SWEEP, config.sweep().every());
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  /** The payments of open overpayments, oldest first. */
  @Override
  @WithSession
  public Uni<List<String>> due() {
    return InvoiceOverpayment.<InvoiceOverpayment>find("resolvedAt is null order by detectedAt")
        .page(0, BATCH)
        .list()
        .map(rows -> rows.stream().map(o -> o.paymentId).toList());
  }

  /** One overpayment in its own transaction; false while its payment is not yet known. */
  @Override
  @WithTransaction
  public Uni<Boolean> resolve(String paymentId) {
    return InvoiceOverpayment.<InvoiceOverpayment>findById(
            paymentId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            o -> {
              if (o == null || o.resolvedAt != null) {
                return Uni.createFrom().item(false);
              }
              Tenant tenant = new Tenant(o.merchantId, o.livemode);
              return PaymentRecord.<PaymentRecord>find(
                      "id = ?1 and merchantId = ?2 and livemode = ?3",
                      o.paymentId,
                      o.merchantId,
                      o.livemode)
                  .firstResult()
                  .chain(
                      payment -> {
                        if (payment == null || !settled(payment)) {
                          return Uni.createFrom().item(false); // not announced as completed yet
                        }
                        return refunds
                            .create(tenant, o.paymentId, null, "duplicate")
                            .map(
                                r -> {
                                  close(o, InvoiceOverpayment.REFUND_CREATED, r.id);
                                  LOG.infof(
                                      "refund %s created for payment %s, a second payment of"
                                          + " invoice %s",
                                      r.id, o.paymentId, o.invoiceId);
                                  return true;
                                })
                            .onFailure(DomainException.class)
                            .recoverWithItem(
                                e -> {
                                  // Already refunded by the merchant, or not refundable at all.
                                  LOG.warnf(
                                      "payment %s (second payment of invoice %s) not refunded"
                                          + " automatically: %s",
                                      o.paymentId, o.invoiceId, e.getMessage());
                                  close(o, InvoiceOverpayment.NOT_REFUNDABLE, null);
                                  return true;
                                });
                      });
            });
  }

  // Completed (or refunded since): a failed or challenged state may still turn completed.
  private static boolean settled(PaymentRecord payment) {
    return payment.isRefundable() || payment.status == PaymentRecordStatus.REFUNDED;
  }

  private void close(InvoiceOverpayment o, String resolution, String refundId) {
    o.resolution = resolution;
    o.refundId = refundId;
    o.resolvedAt = Timestamps.now(clock);
  }
}
