package dev.payplatform.commons.messaging;

import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.inbox.Inbox;
import dev.payplatform.commons.tracing.TraceParents;
import dev.payplatform.commons.web.LogContext;
import dev.payplatform.commons.web.RequestIds;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Applies one read event for {@link EventConsumer}, inside the transaction the consumer opened:
 * claims its id in the inbox (a redelivery does nothing) and runs its handler, as a span of the
 * trace its record carries and with the event's request id, merchant and mode in the MDC.
 */
@ApplicationScoped
class EventApplier {
  private static final Logger LOG = Logger.getLogger(EventApplier.class);

  private final Inbox inbox;
  private final Tracer tracer;

  EventApplier(Inbox inbox, OpenTelemetry telemetry) {
    this.inbox = inbox;
    this.tracer = telemetry.getTracer("dev.payplatform.consumer");
  }

  /**
   * Claims and handles one event inside the caller's transaction. The relay's publish span is the
   * parent of its span, so the handler's log lines and spans read as the request's did.
   */
  Uni<Void> apply(EventHandlers table, PreparedEvent p) {
    return Uni.createFrom()
        .deferred(
            () -> {
              IncomingEvent event = p.event();
              Span span =
                  tracer
                      .spanBuilder(table.consumer() + " process")
                      .setParent(TraceParents.parent(traceparentOf(p.record())))
                      .setSpanKind(SpanKind.CONSUMER)
                      .setAttribute("messaging.system", "kafka")
                      .setAttribute("messaging.destination.name", p.record().topic())
                      .setAttribute("messaging.consumer.group.name", table.consumer())
                      .setAttribute("messaging.message.id", event.id())
                      .setAttribute("cloudevents.event_type", event.type())
                      .startSpan();
              Scope scope = span.makeCurrent();
              logContext(event);
              Uni<Void> handled;
              try {
                handled = claimAndHandle(table, p);
              } catch (RuntimeException e) {
                handled = Uni.createFrom().failure(e);
              }
              return handled
                  .onTermination()
                  .invoke(
                      (ok, failure, cancelled) -> {
                        if (failure != null) {
                          span.recordException(failure);
                          span.setStatus(StatusCode.ERROR, failure.toString());
                        }
                        span.end();
                        scope.close();
                      });
            });
  }

  private static void logContext(IncomingEvent event) {
    if (event.requestId() != null) {
      MDC.put(RequestIds.MDC_KEY, event.requestId());
    } else {
      MDC.remove(RequestIds.MDC_KEY);
    }
    LogContext.merchant(
        event.merchantId(), event.livemode() == null ? null : event.livemode() ? "live" : "test");
  }

  private static String traceparentOf(ConsumerRecord<String, String> record) {
    Header h = record.headers().lastHeader(TraceParents.HEADER);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private Uni<Void> claimAndHandle(EventHandlers table, PreparedEvent p) {
    EventHandlers.Handler<Object> handler = (EventHandlers.Handler<Object>) p.route().handler();
    return inbox
        .claim(table.consumer(), p.event().id())
        .chain(
            first -> {
              if (!first) {
                LOG.debugf("%s: %s already handled", table.consumer(), p.event().id());
                return Uni.createFrom().voidItem();
              }
              return handler.handle(p.event(), p.payload());
            });
  }
}
