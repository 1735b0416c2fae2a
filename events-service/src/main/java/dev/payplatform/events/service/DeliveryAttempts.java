package dev.payplatform.events.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.commons.tracing.TraceParents;
import dev.payplatform.events.config.WebhookSettings;
import dev.payplatform.events.domain.AttemptOutcome;
import dev.payplatform.events.domain.Delivery;
import dev.payplatform.events.domain.DeliveryAttempt;
import dev.payplatform.events.domain.DeliveryStatus;
import dev.payplatform.events.domain.EndpointStatus;
import dev.payplatform.events.domain.EventTypes;
import dev.payplatform.events.domain.StoredEvent;
import dev.payplatform.events.domain.WebhookEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * One attempt of a leased delivery: read what to send, send it signed (no database connection is
 * held while the endpoint answers), then record the attempt and move the delivery on in one
 * transaction, under the delivery's row lock and only while the lease is still this attempt's (a
 * resend meanwhile does not take it: it is queued and starts its series here, after the outcome). A
 * 410 disables the endpoint; so does failing for {@code events.webhooks.disable-after}. Either way
 * the endpoint's other pending deliveries fail and a {@code webhook_endpoint.disabled} event goes
 * into the merchant's log.
 */
@ApplicationScoped
public class DeliveryAttempts {
  private static final Logger LOG = Logger.getLogger(DeliveryAttempts.class);
  static final String DISABLED_EVENT = EventTypes.ENDPOINT_DISABLED;

  private static final AttributeKey<Long> HTTP_STATUS =
      AttributeKey.longKey("http.response.status_code");
  private final WebhookSender sender;
  private final SigningSecrets secrets;
  private final WebhookSettings settings;
  private final EventLog log;
  private final ObjectMapper json;
  private final InstantSource clock;
  private final MeterRegistry metrics;
  private final Tracer tracer;

  public DeliveryAttempts(
      WebhookSender sender,
      SigningSecrets secrets,
      WebhookSettings settings,
      EventLog log,
      ObjectMapper json,
      InstantSource clock,
      MeterRegistry metrics,
      OpenTelemetry telemetry) {
    this.tracer = telemetry.getTracer("dev.payplatform.webhooks");
    this.sender = sender;
    this.secrets = secrets;
    this.settings = settings;
    this.log = log;
    this.json = json;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** What is sent: the request's URL, headers and body; or why nothing can be sent. */
  record Request(URI url, Map<String, String> headers, String body, String unsendable) {}

  /** A leased delivery's request, with the endpoint and the trace the attempt is a span of. */
  private record Prepared(Request request, String endpointId, String traceparent) {}

  public Uni<Void> run(String deliveryId, String token) {
    return Panache.withSession(() -> prepare(deliveryId, token))
        .chain(
            prepared -> {
              if (prepared == null) {
                return Uni.createFrom().voidItem();
              }
              Request request = prepared.request();
              Span span = attemptSpan(deliveryId, prepared);
              Uni<WebhookSender.Result> sent =
                  request.unsendable() != null
                      ? Uni.createFrom()
                          .item(new WebhookSender.Result(null, null, request.unsendable(), null, 0))
                      : sender.send(request.url(), request.headers(), request.body());
              return sent.invoke(result -> outcome(span, result))
                  .onTermination()
                  .invoke(span::end)
                  .chain(
                      result -> Panache.withTransaction(() -> record(deliveryId, token, result)));
            });
  }

  /**
   * The attempt as a span of the event's trace. The merchant's endpoint gets no traceparent (the
   * sender's client does not propagate): our trace ids are not a third party's business.
   */
  private Span attemptSpan(String deliveryId, Prepared prepared) {
    return tracer
        .spanBuilder("webhook deliver")
        .setParent(TraceParents.parent(prepared.traceparent()))
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute("webhook.delivery_id", deliveryId)
        .setAttribute("webhook.endpoint_id", prepared.endpointId())
        .startSpan();
  }

  private static void outcome(Span span, WebhookSender.Result result) {
    if (result.httpStatus() != null) {
      span.setAttribute(HTTP_STATUS, result.httpStatus().longValue());
    }
    if (!result.delivered()) {
      span.setStatus(
          StatusCode.ERROR,
          result.error() != null ? result.error() : "answered " + result.httpStatus());
    }
  }

  private Uni<Prepared> prepare(String deliveryId, String token) {
    return Delivery.<Delivery>findById(deliveryId)
        .chain(
            d -> {
              if (d == null || !d.heldBy(token)) {
                return Uni.createFrom().nullItem();
              }
              return WebhookEndpoint.<WebhookEndpoint>findById(d.endpointId)
                  .chain(
                      endpoint ->
                          StoredEvent.<StoredEvent>findById(d.eventId)
                              .map(
                                  event ->
                                      new Prepared(
                                          request(endpoint, event), d.endpointId, d.traceparent)));
            });
  }

  /**
   * The signed request. A secret that does not open under this service's key (the key was changed)
   * makes the attempt a recorded failure, in the schedule like any other, not a silent stall; a
   * rotated-out secret that does not open is left out.
   */
  Request request(WebhookEndpoint endpoint, StoredEvent event) {
    Instant now = Timestamps.now(clock);
    String body = body(event);
    long timestamp = now.getEpochSecond();
    List<String> signatures = new ArrayList<>();
    try {
      signatures.add(secrets.signature(List.of(endpoint.secretSealed), event.id, timestamp, body));
    } catch (IllegalStateException e) {
      LOG.errorf("endpoint %s: %s", endpoint.id, e.getMessage());
      return new Request(
          null, null, null, "the signing secret cannot be opened: " + e.getMessage());
    }
    String previous = endpoint.previousSecretIfActive(now);
    if (previous != null) {
      try {
        signatures.add(secrets.signature(List.of(previous), event.id, timestamp, body));
      } catch (IllegalStateException e) {
        LOG.warnf(
            "endpoint %s: the rotated-out secret is left out: %s", endpoint.id, e.getMessage());
      }
    }
    return new Request(
        URI.create(endpoint.url),
        Map.of(
            "webhook-id", event.id,
            "webhook-timestamp", Long.toString(timestamp),
            "webhook-signature", String.join(" ", signatures)),
        body,
        null);
  }

  /**
   * The webhook body: the event as the merchant's log has it, with its place in its object's stream
   * ({@code sequence}).
   */
  String body(StoredEvent event) {
    try {
      ObjectNode body = json.createObjectNode();
      body.put("id", event.id);
      body.put("object", "event");
      body.put("type", event.type);
      body.put("timestamp", Timestamps.format(event.createdAt));
      body.put("livemode", event.livemode);
      body.put("subject", event.subject);
      body.put("sequence", event.sequence);
      body.set("data", json.readTree(event.data));
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Uni<Void> record(String deliveryId, String token, WebhookSender.Result result) {
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
          settings
              .retrySchedule()
              .next(
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
        .chain(() -> recordDisabled(endpoint, now));
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

  private Uni<Void> recordDisabled(WebhookEndpoint endpoint, Instant now) {
    ObjectNode data = json.createObjectNode();
    data.put("id", endpoint.id);
    data.put("url", endpoint.url);
    data.put("status", endpoint.status.wire());
    data.put("disabled_reason", endpoint.disabledReason);
    return log.record(
            new EventLog.NewEvent(
                Ids.newId(StoredEvent.ID_PREFIX),
                new Tenant(endpoint.merchantId, endpoint.livemode),
                DISABLED_EVENT,
                "/events-service",
                endpoint.id,
                null,
                now,
                data),
            EventLog.subscribedTo(DISABLED_EVENT).and(other -> !other.id().equals(endpoint.id)))
        .replaceWithVoid();
  }
}
