package dev.payplatform.billing.service.payments;

import dev.payplatform.billing.domain.CustomerRecord;
import dev.payplatform.billing.domain.MerchantRecord;
import dev.payplatform.billing.domain.PaymentRecordStatus;
import dev.payplatform.billing.domain.PlanRecord;
import dev.payplatform.billing.service.subscriptions.SessionSubscriptions;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.messaging.InapplicableEventException;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The read models billing keeps of other services' objects. Called by the consumers inside their
 * transaction (with the inbox claim), so each event's effect happens exactly once. Every upsert
 * tolerates duplicates and stale events.
 */
@ApplicationScoped
public class ReadModels {
  private static final Logger LOG = Logger.getLogger(ReadModels.class);

  /** A customer from customer.created. */
  public record CustomerData(String id, String email, String name) {}

  /** A plan from plan.created. */
  public record PlanData(
      String id,
      String productId,
      long amount,
      String currency,
      String interval,
      int intervalCount,
      String nickname) {}

  /** A payment from any payment.* event. */
  public record PaymentData(
      String id, long amount, String currency, String status, Long refundedTotal) {}

  private final SessionSubscriptions sessionSubscriptions;
  private final InstantSource clock;

  public ReadModels(SessionSubscriptions sessionSubscriptions, InstantSource clock) {
    this.sessionSubscriptions = sessionSubscriptions;
    this.clock = clock;
  }

  public Uni<Void> customer(Tenant tenant, CustomerData c, Instant eventTime) {
    return CustomerRecord.<CustomerRecord>findById(c.id())
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().voidItem();
              }
              CustomerRecord r = new CustomerRecord();
              r.id = c.id();
              r.merchantId = tenant.merchantId();
              r.livemode = tenant.livemode();
              r.email = c.email();
              r.name = c.name();
              r.eventTime = eventTime;
              r.receivedAt = Timestamps.now(clock);
              return r.persist().chain(Panache::flush).chain(() -> waiting(tenant, c.id()));
            });
  }

  public Uni<Void> plan(Tenant tenant, PlanData p, Instant eventTime) {
    return PlanRecord.<PlanRecord>findById(p.id())
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().voidItem();
              }
              PlanRecord r = new PlanRecord();
              r.id = p.id();
              r.merchantId = tenant.merchantId();
              r.livemode = tenant.livemode();
              r.productId = p.productId();
              r.amount = p.amount();
              r.currency = p.currency();
              r.intervalUnit = p.interval();
              r.intervalCount = p.intervalCount();
              r.nickname = p.nickname();
              r.eventTime = eventTime;
              r.receivedAt = Timestamps.now(clock);
              return r.persist().chain(Panache::flush).chain(() -> waiting(tenant, p.id()));
            });
  }

  // Session subscriptions that arrived before this catalog object become real now.
  private Uni<Void> waiting(Tenant tenant, String catalogId) {
    return sessionSubscriptions.retryParked(tenant, catalogId);
  }

  /*
   * One statement per payment event, so the read model keeps up with a burst. It writes only the
   * columns payments-service owns (status, refunded_total): the refund ledger columns are written
   * by refund creation and settlement under the row lock, and this upsert's own row lock orders it
   * with them. A row of another merchant or mode is left alone.
   */
  private static final String UPSERT_PAYMENT =
      "insert into payment_record as p (id, merchant_id, livemode, amount, currency, status,"
          + " refunded_total, event_time, received_at)"
          + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as timestamptz), now())"
          + " on conflict (id) do update set"
          + " status = case when payment_status_rank(excluded.status)"
          + " >= payment_status_rank(p.status) then excluded.status else p.status end,"
          + " refunded_total = greatest(p.refunded_total, excluded.refunded_total),"
          + " event_time = excluded.event_time, received_at = now()"
          + " where p.merchant_id = excluded.merchant_id and p.livemode = excluded.livemode";

  /** Inserts or updates a payment; stale events never move it backwards. */
  public Uni<Void> payment(Tenant tenant, PaymentData p, Instant eventTime) {
    // A word that is none of the public statuses is stored as pending, which any known one
    // replaces.
    PaymentRecordStatus status = PaymentRecordStatus.fromEvent(p.status());
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(UPSERT_PAYMENT)
                    .setParameter(1, p.id())
                    .setParameter(2, tenant.merchantId())
                    .setParameter(3, tenant.livemode())
                    .setParameter(4, p.amount())
                    .setParameter(5, p.currency())
                    .setParameter(6, (status == null ? PaymentRecordStatus.PENDING : status).wire())
                    .setParameter(7, p.refundedTotal() == null ? 0L : p.refundedTotal())
                    .setParameter(8, eventTime == null ? null : eventTime.atOffset(ZoneOffset.UTC))
                    .executeUpdate())
        .invoke(
            rows -> {
              if (rows == 0) {
                throw new InapplicableEventException(
                    "payment " + p.id() + " event names another merchant or mode than its first");
              }
            })
        .replaceWithVoid();
  }

  /**
   * A payment's dispute as its latest {@code charge.dispute.*} event tells it (they arrive in
   * order, keyed by the payment): open, or closed and, when lost, how much the cardholder got back.
   * Only the dispute's columns are written, as the payment events' upsert writes only its own: a
   * managed row loaded here would write back a stale {@code refunded_total} when a later event of
   * the same batch changed it.
   */
  public Uni<Void> dispute(Tenant tenant, DisputeData d) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(SET_DISPUTE)
                    .setParameter(1, d.id())
                    .setParameter(2, DISPUTE_OPEN.contains(d.status()))
                    .setParameter(3, "lost".equals(d.status()) ? d.amount() : 0L)
                    .setParameter(4, d.paymentId())
                    .setParameter(5, tenant.merchantId())
                    .setParameter(6, tenant.livemode())
                    .executeUpdate())
        .invoke(
            rows -> {
              if (rows == 0) {
                throw new InapplicableEventException(
                    "dispute "
                        + d.id()
                        + " names payment "
                        + d.paymentId()
                        + ", never announced to this merchant and mode");
              }
            })
        .replaceWithVoid();
  }

  private static final String SET_DISPUTE =
      "update payment_record set dispute_id = ?1, dispute_open = ?2, dispute_lost_amount = ?3"
          + " where id = ?4 and merchant_id = ?5 and livemode = ?6";

  private static final Set<String> DISPUTE_OPEN =
      Set.of("warning_needs_response", "warning_under_review", "needs_response", "under_review");

  /** What billing reads of a dispute. */
  public record DisputeData(String id, String paymentId, long amount, String status) {}

  /** A merchant's name; an update older than the one kept is ignored. */
  public Uni<Void> merchant(
      String id, String name, String gatewayAccountId, Instant updatedAt, Instant eventTime) {
    return MerchantRecord.<MerchantRecord>findById(id)
        .chain(
            existing -> {
              if (existing == null) {
                MerchantRecord m = new MerchantRecord();
                m.id = id;
                m.name = name;
                m.gatewayAccountId = gatewayAccountId;
                m.updatedAt = updatedAt;
                m.eventTime = eventTime;
                m.receivedAt = Timestamps.now(clock);
                return m.persist().replaceWithVoid();
              }
              boolean newer =
                  existing.updatedAt == null
                      || updatedAt == null
                      || !updatedAt.isBefore(existing.updatedAt);
              if (newer) {
                existing.name = name;
                existing.gatewayAccountId = gatewayAccountId;
                existing.updatedAt = updatedAt;
                existing.eventTime = eventTime;
                existing.receivedAt = Timestamps.now(clock);
              }
              return Uni.createFrom().voidItem();
            });
  }
}
