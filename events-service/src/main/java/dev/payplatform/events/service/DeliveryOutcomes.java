package dev.payplatform.events.service;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.events.config.EventsConfig;
import dev.payplatform.events.domain.AttemptOutcome;
import dev.payplatform.events.domain.Delivery;
import dev.payplatform.events.domain.DeliveryAttempt;
import dev.payplatform.events.domain.DeliveryStatus;
import dev.payplatform.events.domain.EndpointStatus;
import dev.payplatform.events.domain.RetrySchedule;
import dev.payplatform.events.domain.WebhookEndpoint;
import dev.payplatform.events.messaging.EventsServiceEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * What an attempt's answer does: the attempt recorded, the delivery succeeded, retried or failed,
 * the endpoint recovered or disabled. A 410 disables the endpoint; so does failing for {@code
 * events.webhooks.disable-after}. Either way the endpoint's other pending deliveries fail and a
 * {@code webhook_endpoint.disabled} event goes into the merchant's log.
 */
@ApplicationScoped
public class DeliveryOutcomes {
  private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

  private final EventsConfig.Webhooks settings;
  private final RetrySchedule retries;
  private final EventsServiceEvents events;
  private final InstantSource clock;
  private final MeterRegistry metrics;

  public DeliveryOutcomes(
      EventsConfig config,
      RetrySchedule retries,
      EventsServiceEvents events,
      InstantSource clock,
      MeterRegistry metrics) {
    this.settings = config.webhooks();
    this.retries = retries;
    this.events = events;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Records the attempt and moves the delivery on, in the caller's transaction, under the
   * delivery's row lock and only while the lease is still {@code token}'s.
   */
  Uni<Void> record(String deliveryId, String token, WebhookSender.Result result) {
    Instant now = Timestamps.now(clock);
    return Delivery.<Delivery>findById(deliveryId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            d -> {
              if (d == null || !d.heldBy(token)) {
                // The lease ran out and another attempt took over: that one records.
                return Uni.createFrom().voidItem();
              }
              // A success on a healthy endpoint changes nothing there: no lock. Anything else
              // may change it (failing since, recovered, disabled): under its row lock.
              return WebhookEndpoint.<WebhookEndpoint>findById(d.endpointId)
                  .call(
                      endpoint ->
                          result.delivered() && endpoint.failingSince == null
                              ? Uni.createFrom().voidItem()
                              : Panache.getSession()
                                  .chain(s -> s.refresh(endpoint, LockModeType.PESSIMISTIC_WRITE)))
                  .chain(endpoint -> apply(d, endpoint, result, now));
            });
  }

  private Uni<Void> apply(
      Delivery d, WebhookEndpoint endpoint, WebhookSender.Result result, Instant now) {
    d.attempted(now, result.httpStatus(), result.error());
    DeliveryAttempt attempt = new DeliveryAttempt();
    attempt.id = Ids.newId(DeliveryAttempt.ID_PREFIX);
    attempt.deliveryId = d.id;
    attempt.endpointId = d.endpointId;
    attempt.eventId = d.eventId;
    attempt.merchantId = d.merchantId;
    attempt.livemode = d.livemode;
    attempt.attemptedAt = now;
    attempt.httpStatus = result.httpStatus();
    attempt.latencyMs = (int) Math.min(Integer.MAX_VALUE, result.latencyMillis());
    attempt.responseBody = result.answer();
    attempt.error = result.error();
    String disabledReason = null;
    boolean recovered = false;
    if (result.delivered()) {
      d.succeeded();
      recovered = endpoint.failingSince != null;
      endpoint.succeededAt();
      attempt.outcome = AttemptOutcome.SUCCEEDED;
    } else if (result.httpStatus() != null && result.httpStatus() == 410) {
      d.failed("the endpoint answered 410 Gone");
      attempt.outcome = AttemptOutcome.FAILED;
      if (endpoint.status == EndpointStatus.ENABLED) {
        disabledReason = "the endpoint answered 410 Gone";
      }
    } else {
      boolean failingTooLong = endpoint.failedAt(now, settings.disableAfter());
      Instant next =
          retries.next(
              d.seriesAttempts,
              now,
              result.retryAfter(),
              () -> ThreadLocalRandom.current().nextDouble());
      if (failingTooLong && endpoint.status == EndpointStatus.ENABLED) {
        disabledReason = "every attempt failed since " + Timestamps.format(endpoint.failingSince);
        d.failed(null);
        attempt.outcome = AttemptOutcome.FAILED;
      } else if (next == null) {
        d.failed(null);
        attempt.outcome = AttemptOutcome.FAILED;
      } else {
        d.retryAt(next);
        attempt.outcome = AttemptOutcome.RETRYING;
        attempt.nextRetryAt = next;
      }
    }
    if (d.resendQueued) {
      // A resend asked for while this attempt ran: its series starts now that the outcome is in,
      // unless the endpoint no longer takes deliveries (a resend to it would be refused too).
      if (disabledReason == null && endpoint.status == EndpointStatus.ENABLED) {
        d.startQueuedResend(now);
        if (attempt.outcome == AttemptOutcome.RETRYING) {
          attempt.nextRetryAt = now;
        }
      } else {
        d.dropQueuedResend();
      }
    }
    metrics.counter("platform.webhook.attempts", "outcome", attempt.outcome.wire()).increment();
    if (attempt.outcome != AttemptOutcome.RETRYING) {
      metrics.counter("platform.webhook.deliveries", "outcome", attempt.outcome.wire()).increment();
    }
    Uni<Void> recorded = attempt.persist().replaceWithVoid();
    if (recovered) {
      // The endpoint answers again: what waits on its backoff goes now (still at most
      // max-in-flight-per-endpoint at a time), rather than hours later.
      return recorded.chain(() -> dueNow(endpoint, now));
    }
    if (disabledReason == null) {
      return recorded;
    }
    endpoint.disable(disabledReason, now);
    String reason = disabledReason;
    LOG.infof("webhook endpoint %s disabled: %s", endpoint.id, reason);
    return recorded
        .chain(() -> failPending(endpoint, d.id))
        .chain(() -> events.endpointDisabled(endpoint, now));
  }

  private Uni<Void> dueNow(WebhookEndpoint endpoint, Instant now) {
    return Delivery.update(
            "nextAttemptAt = ?1 where endpointId = ?2 and status = ?3 and nextAttemptAt > ?1",
            now,
            endpoint.id,
            DeliveryStatus.PENDING)
        .replaceWithVoid();
  }

  /** The endpoint's other pending deliveries move pending → failed (a declared move) at once. */
  private Uni<Void> failPending(WebhookEndpoint endpoint, String except) {
    return Delivery.update(
            "status = ?1, nextAttemptAt = null, leaseUntil = null, leaseToken = null,"
                + " resendQueued = false, lastError = ?2 where endpointId = ?3 and status = ?4"
                + " and id <> ?5",
            DeliveryStatus.FAILED,
            "the endpoint was disabled",
            endpoint.id,
            DeliveryStatus.PENDING,
            except)
        .invoke(
            failed ->
                metrics
                    .counter("platform.webhook.deliveries", "outcome", "failed")
                    .increment(failed))
        .replaceWithVoid();
  }
}
