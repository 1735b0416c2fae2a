package dev.payplatform.billing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.inbox.Inbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * What every billing consumer does around its handler: read the CloudEvent, claim its id in the
 * inbox (same transaction as the effect, so a redelivery is skipped), and skip malformed events
 * with a log line. Anything else that fails is a bug or an outage: it fails the message and the
 * transaction rolls back, claim included.
 */
final class InboxConsumer {
  private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

  private InboxConsumer() {}

  /**
   * A polled batch in one transaction: one commit for many events is what lets a read model keep up
   * with a burst. Each event is still claimed on its own, so a redelivered batch skips what was
   * applied and a malformed event is skipped alone; a failure rolls the whole batch back.
   */
  static Uni<Void> handleBatch(
      String consumer,
      ConsumerRecords<String, String> records,
      ObjectMapper json,
      Inbox inbox,
      Function<IncomingEvent, Uni<Void>> handler) {
    return Multi.createFrom()
        .iterable(records)
        .onItem()
        .transformToUniAndConcatenate(record -> handle(consumer, record, json, inbox, handler))
        .collect()
        .last()
        .replaceWithVoid();
  }

  static Uni<Void> handle(
      String consumer,
      ConsumerRecord<String, String> record,
      ObjectMapper json,
      Inbox inbox,
      Function<IncomingEvent, Uni<Void>> handler) {
    IncomingEvent event;
    try {
      event = IncomingEvent.from(record, json);
    } catch (IllegalArgumentException e) {
      LOG.warnf(
          "%s: skipping a record that is not a readable CloudEvent: %s", consumer, e.getMessage());
      return Uni.createFrom().voidItem();
    }
    return inbox
        .claim(consumer, event.id())
        .chain(
            first -> {
              if (!first) {
                LOG.debugf("%s: event %s already handled", consumer, event.id());
                return Uni.createFrom().voidItem();
              }
              if (event.data() == null || !event.data().isObject()) {
                LOG.warnf(
                    "%s: skipping %s %s without an object body",
                    consumer, event.type(), event.id());
                return Uni.createFrom().voidItem();
              }
              return Uni.createFrom()
                  .deferred(() -> handler.apply(event))
                  .onFailure(MalformedEventException.class)
                  .recoverWithUni(
                      e -> {
                        LOG.warnf(
                            "%s: skipping malformed %s %s: %s",
                            consumer, event.type(), event.id(), e.getMessage());
                        return Uni.createFrom().voidItem();
                      });
            });
  }
}
