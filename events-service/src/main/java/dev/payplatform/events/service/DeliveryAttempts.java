package dev.payplatform.events.service;

import dev.payplatform.commons.tracing.TraceParents;
import dev.payplatform.events.domain.Delivery;
import dev.payplatform.events.domain.StoredEvent;
import dev.payplatform.events.domain.WebhookEndpoint;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One attempt of a leased delivery: read what to send, send it signed (no database connection is
 * held while the endpoint answers), then record the attempt and move the delivery on in one
 * transaction, under the delivery's row lock and only while the lease is still this attempt's (a
 * resend meanwhile does not take it: it is queued and starts its series after the outcome). {@link
 * WebhookRequests} builds what is sent, {@link DeliveryOutcomes} records what the answer does.
 */
@ApplicationScoped
public class DeliveryAttempts {
  private static final AttributeKey<Long> HTTP_STATUS =
      AttributeKey.longKey("http.response.status_code");
  private final WebhookRequests requests;
  private final WebhookSender sender;
  private final DeliveryOutcomes outcomes;
  private final Tracer tracer;

  public DeliveryAttempts(
      WebhookRequests requests,
      WebhookSender sender,
      DeliveryOutcomes outcomes,
      OpenTelemetry telemetry) {
    this.tracer = telemetry.getTracer("dev.payplatform.webhooks");
    this.requests = requests;
    this.sender = sender;
    this.outcomes = outcomes;
  }

  /** A leased delivery's request, with the endpoint and the trace the attempt is a span of. */
  private record Prepared(WebhookRequests.Request request, String endpointId, String traceparent) {}

  public Uni<Void> run(String deliveryId, String token) {
    return Panache.withSession(() -> prepare(deliveryId, token))
        .chain(
            prepared -> {
              if (prepared == null) {
                return Uni.createFrom().voidItem();
              }
              WebhookRequests.Request request = prepared.request();
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
                      result ->
                          Panache.withTransaction(
                              () -> outcomes.record(deliveryId, token, result)));
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
                                          requests.request(endpoint, event),
                                          d.endpointId,
                                          d.traceparent)));
            });
  }
}
