package dev.payplatform.checkout.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** A payment intent's status, as the API, the events and the database spell it. */
public enum IntentStatus {
  REQUIRES_PAYMENT_METHOD,
  REQUIRES_ACTION,
  PROCESSING,
  SUCCEEDED,
  CANCELED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IntentStatus ofWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  public boolean isTerminal() {
    return this == SUCCEEDED || this == CANCELED;
  }

  /** Stored as its wire word ({@code requires_action}), not the enum name. */
  @Converter(autoApply = true)
  public static class Column implements AttributeConverter<IntentStatus, String> {
    @Override
    public String convertToDatabaseColumn(IntentStatus status) {
      return status == null ? null : status.wire();
    }

    @Override
    public IntentStatus convertToEntityAttribute(String value) {
      return value == null ? null : ofWire(value);
    }
  }
}
