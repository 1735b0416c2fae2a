package dev.payplatform.checkout.processor.sandbox;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.commons.sweep.ItemSweep;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The sandbox's cardholders disputing: a disputing test card's charge, once its dispute is due, is
 * reported to the platform as a real processor reports a chargeback ({@code
 * processor.dispute_opened} on checkout.events; payments-service opens the dispute). Each charge is
 * reported once: it is marked in the transaction that appends the event, under its row lock.
 */
@ApplicationScoped
public class SandboxDisputes implements ItemSweep<String> {
  static final String SWEEP = "checkout.sandbox-disputes";
  private static final Logger LOG = Logger.getLogger(SandboxDisputes.class);
  private static final int BATCH = 100;
  // Only charges whose intent has recorded them: the payment they belong to is known.
  private static final String DUE =
      "select c.id from sandbox_charge c join payment_intent pi on pi.charge_ref = c.id"
          + " where c.dispute_due_at <= ?1 and c.dispute_opened_at is null"
          + " order by c.dispute_due_at limit "
          + BATCH;
  private static final String TAKE =
      "select c.merchant_id, c.livemode, c.amount, c.currency, c.dispute_reason,"
          + " c.dispute_inquiry, pi.id, pi.payment_id from sandbox_charge c"
          + " join payment_intent pi on pi.charge_ref = c.id"
          + " where c.id = ?1 and c.dispute_opened_at is null for update of c skip locked";
  private static final String OPENED =
      "update sandbox_charge set dispute_opened_at = ?2 where id = ?1";

  private final CheckoutEvents events;
  private final InstantSource clock;
  private final Sweep.Schedule schedule;

  public SandboxDisputes(CheckoutEvents events, InstantSource clock, CheckoutConfig config) {
    this.events = events;
    this.clock = clock;
    this.schedule = new Sweep.Schedule(SWEEP, config.sandbox().disputeSweepInterval());
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  @Override
  @WithSession
  public Uni<List<String>> due() {
    return Sweeps.dueIds(DUE, Timestamps.now(clock));
  }

  @Override
  @WithTransaction
  public Uni<Boolean> resolve(String chargeId) {
    Instant now = Timestamps.now(clock);
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(TAKE, Object[].class)
                    .setParameter(1, chargeId)
                    .getResultList()
                    .chain(
                        rows -> {
                          if (rows.isEmpty()) {
                            return Uni.createFrom().item(false);
                          }
                          Object[] r = rows.get(0);
                          CheckoutEvents.DisputeOpened opened =
                              new CheckoutEvents.DisputeOpened(
                                  (String) r[6],
                                  (String) r[7],
                                  chargeId,
                                  chargeId,
                                  ((Number) r[2]).longValue(),
                                  (String) r[3],
                                  (String) r[4],
                                  (Boolean) r[5],
                                  null,
                                  Timestamps.format(now));
                          LOG.infof(
                              "sandbox charge %s of payment %s disputed (%s%s)",
                              chargeId,
                              opened.paymentId(),
                              opened.reason(),
                              opened.inquiry() ? ", inquiry" : "");
                          return s.createNativeQuery(OPENED)
                              .setParameter(1, chargeId)
                              .setParameter(2, now.atOffset(ZoneOffset.UTC))
                              .executeUpdate()
                              .chain(
                                  () -> events.disputeOpened((String) r[0], (Boolean) r[1], opened))
                              .replaceWith(true);
                        }));
  }
}
