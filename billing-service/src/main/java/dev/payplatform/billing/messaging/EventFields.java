package dev.payplatform.billing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.messaging.MalformedEventException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Tolerant reading of other services' event data: unknown fields are ignored, a missing required
 * field makes the event {@link MalformedEventException malformed} (logged and skipped).
 */
final class EventFields {
  private EventFields() {}

  static String text(JsonNode data, String field) {
    JsonNode v = data.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
  }

  static String requiredText(JsonNode data, String field) {
    String v = text(data, field);
    if (v == null || v.isBlank()) {
      throw new MalformedEventException("missing " + field);
    }
    return v;
  }

  static Long integer(JsonNode data, String field) {
    JsonNode v = data.get(field);
    return v != null && v.isIntegralNumber() && v.canConvertToLong() ? v.asLong() : null;
  }

  static long requiredInteger(JsonNode data, String field) {
    Long v = integer(data, field);
    if (v == null) {
      throw new MalformedEventException("missing or non-integer " + field);
    }
    return v;
  }

  static boolean flag(JsonNode data, String field) {
    JsonNode v = data.get(field);
    return v != null && v.isBoolean() && v.asBoolean();
  }

  static Instant time(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The tenant named by the envelope ({@code ce_merchantid}, {@code ce_livemode}). */
  static Tenant tenant(IncomingEvent event) {
    if (event.merchantId() == null || event.livemode() == null) {
      throw new MalformedEventException("no ce_merchantid / ce_livemode");
    }
    return new Tenant(event.merchantId(), event.livemode());
  }

  /** Upper-case ISO-4217 code, as every topic carries it. */
  static String currency(JsonNode data) {
    String c = requiredText(data, "currency");
    if (!c.matches("[A-Za-z]{3}")) {
      throw new MalformedEventException("bad currency " + c);
    }
    return c.toUpperCase(java.util.Locale.ROOT);
  }
}
