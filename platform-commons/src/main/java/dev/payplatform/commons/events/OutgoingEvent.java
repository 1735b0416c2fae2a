package dev.payplatform.commons.events;

import java.util.Objects;

/**
 * An event a service emits: a CloudEvents type ({@code payment.succeeded}), the aggregate it is
 * about (the Kafka key, so one aggregate's events stay in order), the tenant, and the JSON data.
 *
 * @param topic the owning service's topic, e.g. {@code payments.events}
 * @param type {@code resource.action}
 * @param aggregateId the Kafka key and CloudEvents subject
 * @param merchantId the tenant ({@code ce_merchantid}); null for platform-level events
 * @param livemode {@code ce_livemode}; null for platform-level events
 * @param data the payload, serialised as JSON
 */
public record OutgoingEvent(
    String topic,
    String type,
    String aggregateId,
    String merchantId,
    Boolean livemode,
    Object data) {
  public OutgoingEvent {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(data, "data");
  }
}
