package dev.payplatform.commons.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies a countable effect per event, deduplicated by the inbox. */
@ApplicationScoped
public class CountingConsumer {
  private final Inbox inbox;
  private final ObjectMapper json;

  public CountingConsumer(Inbox inbox, ObjectMapper json) {
    this.inbox = inbox;
    this.json = json;
  }

  @Incoming("it-in")
  @WithTransaction
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    IncomingEvent event = IncomingEvent.from(record, json);
    return inbox
        .claim("it-counter", event.id())
        .chain(
            first ->
                first
                    ? Panache.getSession()
                        .chain(
                            s ->
                                s.createNativeQuery(
                                        "update it_counter set hits = hits + 1 where name = 'effects'")
                                    .executeUpdate())
                        .replaceWithVoid()
                    : Uni.createFrom().voidItem());
  }
}
