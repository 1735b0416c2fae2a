package dev.payplatform.commons.messaging;

import dev.payplatform.commons.events.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record read and mapped, ready to apply: its event, the route that handles it and its payload.
 */
record PreparedEvent(
    IncomingEvent event,
    EventHandlers.Route<?> route,
    Object payload,
    ConsumerRecord<String, String> record) {}
