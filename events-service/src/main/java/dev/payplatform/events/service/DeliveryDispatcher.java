package dev.payplatform.events.service;

import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.events.config.EventsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs due deliveries. Each pass leases what is due (for {@code events.webhooks.lease}) and starts
 * one attempt per leased delivery without waiting for it, so a slow endpoint holds only its own
 * slots. A pass takes at most the free slots of this replica ({@code max-in-flight}), at most
 * {@code max-in-flight-per-endpoint} per endpoint counting what is already in flight there on every
 * replica (the leases in the database; only an attempt's outcome ends one), and takes merchants in
 * turn (the first due of each merchant, then the second, ...), so one merchant's backlog cannot
 * starve another's. Replicas share the work: a delivery is leased by one at a time, and a crashed
 * replica's leases expire and are taken again (at least once: the receiver dedups on {@code
 * webhook-id}).
 */
@ApplicationScoped
public class DeliveryDispatcher {
  private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
  // Per pass: the endpoints with due deliveries and a free slot (max-in-flight-per-endpoint minus
  // what is leased there), each one's oldest due deliveries up to its free slots (an index range
  // per endpoint), then merchants in turn up to this replica's free slots. The update re-checks
  // each row, so a row another replica leased meanwhile is skipped.
  private static final String CLAIM =
      "with leased as (select endpoint_id, count(*) as n from delivery"
          + " where lease_until > ?1 group by endpoint_id),"
          + " ready as (select d.endpoint_id, min(d.merchant_id) as merchant_id"
          + " from delivery d join webhook_endpoint e on e.id = d.endpoint_id and e.status = 'enabled'"
          + " where d.status = 'pending' and d.next_attempt_at <= ?1"
          + " and (d.lease_until is null or d.lease_until <= ?1) group by d.endpoint_id),"
          + " slots as (select r.endpoint_id, r.merchant_id, ?2 - coalesce(l.n, 0) as free"
          + " from ready r left join leased l on l.endpoint_id = r.endpoint_id"
          + " where ?2 - coalesce(l.n, 0) > 0),"
          + " candidates as (select p.id, p.next_attempt_at, row_number() over"
          + " (partition by s.merchant_id order by p.next_attempt_at, p.id) as merchant_rank"
          + " from slots s cross join lateral (select x.id, x.next_attempt_at from delivery x"
          + " where x.endpoint_id = s.endpoint_id and x.status = 'pending' and x.next_attempt_at <= ?1"
          + " and (x.lease_until is null or x.lease_until <= ?1)"
          + " order by x.next_attempt_at limit s.free) p),"
          + " picked as (select id from candidates order by merchant_rank, next_attempt_at limit ?3)"
          // A resend queued behind an attempt whose lease ran out starts its series with this one.
          + " update delivery d set lease_until = ?4, lease_token = ?5,"
          + " series_attempts = case when d.resend_queued then 0 else d.series_attempts end,"
          + " resend_queued = false from picked"
          + " where d.id = picked.id and d.status = 'pending'"
          + " and (d.lease_until is null or d.lease_until <= ?1) returning d.id";
  // Claims run one at a time across replicas (a transaction-scoped advisory lock, released at
  // commit): a claim then counts the leases every earlier claim committed, so two replicas claiming
  // at once cannot both fill an endpoint's free slots. A claim is one short statement.
  private static final String ONE_CLAIM_AT_A_TIME =
      "select count(*) from (select pg_advisory_xact_lock(?1)) locked";
  // The key of that lock ("whclaim" in ASCII), used by nothing else.
  private static final long CLAIM_LOCK = 0x7768636c61696dL;
  private static final String BACKLOG =
      "select count(*), coalesce(extract(epoch from (?1 - min(d.created_at))), 0)::bigint"
          + " from delivery d join webhook_endpoint e on e.id = d.endpoint_id"
          + " where d.status = 'pending' and e.status = 'enabled'";

  private final DeliveryAttempts attempts;
  private final EventsConfig.Webhooks settings;
  private final InstantSource clock;
  private final Vertx vertx;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean claiming = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestSeconds = new AtomicLong();
  private final Counter tickPasses;
  private final Counter wakePasses;

  public DeliveryDispatcher(
      DeliveryAttempts attempts,
      EventsConfig config,
      InstantSource clock,
      Vertx vertx,
      MeterRegistry metrics) {
    this.attempts = attempts;
    this.settings = config.webhooks();
    this.clock = clock;
    this.vertx = vertx;
    metrics.gauge("platform.webhook.in.flight", inFlight);
    metrics.gauge("platform.webhook.retry.queue", backlog);
    metrics.gauge("platform.webhook.oldest.undelivered.seconds", oldestSeconds);
    // Each pass is a claim transaction: how many the ticks and the wakes start.
    this.tickPasses = passes(metrics, "tick");
    this.wakePasses = passes(metrics, "wake");
  }

  private static Counter passes(MeterRegistry metrics, String trigger) {
    return Counter.builder("platform.webhook.dispatcher.passes")
        .description("Claim passes the webhook dispatcher ran, by what started them")
        .tag("trigger", trigger)
        .register(metrics);
  }

  @Scheduled(
      identity = "webhook-dispatcher",
      every = "${events.webhooks.poll-interval}",
      delayed = "2s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> tick() {
    return pass(tickPasses);
  }

  /** New deliveries were recorded: run a pass now rather than at the next tick. */
  public void wake() {
    onNewContext(() -> pass(wakePasses).subscribe().with(ok -> {}, e -> {}));
  }

  @Scheduled(
      identity = "webhook-backlog",
      every = "10s",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> measureBacklog() {
    return Panache.withSession(
            () ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createNativeQuery(BACKLOG, Object[].class)
                                .setParameter(1, Timestamps.now(clock).atOffset(ZoneOffset.UTC))
                                .getSingleResult()))
        .invoke(
            row -> {
              backlog.set(((Number) row[0]).longValue());
              oldestSeconds.set(((Number) row[1]).longValue());
            })
        .onFailure()
        .invoke(e -> LOG.debugf("could not measure the webhook backlog: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** One pass; a pass asked for while one runs runs right after it. */
  Uni<Void> pass(Counter passes) {
    if (!claiming.compareAndSet(false, true)) {
      again.set(true);
      return Uni.createFrom().voidItem();
    }
    int free = Math.max(1, settings.maxInFlight()) - inFlight.get();
    if (free <= 0) {
      claiming.set(false);
      return Uni.createFrom().voidItem();
    }
    passes.increment();
    return Uni.createFrom()
        .deferred(() -> claim(free))
        .invoke(this::start)
        .onFailure()
        .invoke(e -> LOG.warnf("webhook dispatcher could not lease deliveries: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .eventually(
            () -> {
              claiming.set(false);
              if (again.getAndSet(false)) {
                wake();
              }
            })
        .replaceWithVoid();
  }

  private Uni<List<Leased>> claim(int free) {
    Instant now = Timestamps.now(clock);
    String token = UUID.randomUUID().toString();
    return Panache.withTransaction(
            () ->
                Panache.getSession()
                    .call(
                        s ->
                            s.createNativeQuery(ONE_CLAIM_AT_A_TIME, Long.class)
                                .setParameter(1, CLAIM_LOCK)
                                .getSingleResult())
                    .chain(
                        s ->
                            s.createNativeQuery(CLAIM, String.class)
                                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                                .setParameter(
                                    2, (long) Math.max(1, settings.maxInFlightPerEndpoint()))
                                .setParameter(3, (long) free)
                                .setParameter(
                                    4, now.plus(settings.lease()).atOffset(ZoneOffset.UTC))
                                .setParameter(5, token)
                                .getResultList()))
        .map(ids -> ids.stream().map(id -> new Leased(id, token)).toList());
  }

  private void start(List<Leased> leased) {
    for (Leased l : leased) {
      inFlight.incrementAndGet();
      onNewContext(
          () ->
              attempts
                  .run(l.deliveryId(), l.token())
                  .onFailure()
                  .invoke(
                      e ->
                          LOG.warnf(
                              "delivery %s: attempt not recorded (%s); it is attempted again when"
                                  + " its lease ends",
                              l.deliveryId(), e.toString()))
                  .onFailure()
                  .recoverWithNull()
                  .subscribe()
                  .with(
                      ok -> {
                        inFlight.decrementAndGet();
                        // A slot came free: what waited for it may go now.
                        wake();
                      }));
    }
  }

  /**
   * Runs {@code work} on a new duplicated Vert.x context marked safe: each attempt has its own
   * reactive session, as a request has.
   */
  private void onNewContext(Runnable work) {
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(v -> work.run());
  }

  private record Leased(String deliveryId, String token) {}
}
