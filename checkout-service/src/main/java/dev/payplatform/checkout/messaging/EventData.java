package dev.payplatform.checkout.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.messaging.MalformedEventException;
import dev.payplatform.commons.money.Money;

/** Reading the fields checkout needs from other services' event data; unreadable is malformed. */
final class EventData {
  private EventData() {}

  static String merchant(IncomingEvent e) {
    if (e.merchantId() == null || e.merchantId().isBlank()) {
      throw new MalformedEventException("no ce_merchantid");
    }
    return e.merchantId();
  }

  static boolean livemode(IncomingEvent e) {
    if (e.livemode() == null) {
      throw new MalformedEventException("no ce_livemode");
    }
    return e.livemode();
  }

  static String text(JsonNode d, String field, String idPrefix) {
    JsonNode v = d.path(field);
    if (!v.isTextual() || !v.asText().startsWith(idPrefix + "_")) {
      throw new MalformedEventException(field + " is missing or not a " + idPrefix + "_ id");
    }
    return v.asText();
  }

  static String optionalText(JsonNode d, String field) {
    JsonNode v = d.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  static String currency(JsonNode d) {
    JsonNode v = d.path("currency");
    try {
      return Money.parseCurrency(v.isTextual() ? v.asText() : null, "currency").getCurrencyCode();
    } catch (RuntimeException invalid) {
      throw new MalformedEventException("currency is missing or unknown");
    }
  }

  static long amount(JsonNode d, String currency) {
    JsonNode v = d.path("amount");
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new MalformedEventException("amount is not an integer of minor units");
    }
    try {
      return Money.ofMinorUnits(v.asLong(), java.util.Currency.getInstance(currency), "amount")
          .minorUnits();
    } catch (RuntimeException invalid) {
      throw new MalformedEventException("amount is out of range");
    }
  }
}
