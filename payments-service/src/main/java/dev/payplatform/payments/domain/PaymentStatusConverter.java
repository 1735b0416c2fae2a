package dev.payplatform.payments.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status as its public word, as the table's check constraint expects. */
@Converter
public class PaymentStatusConverter implements AttributeConverter<PaymentStatus, String> {
  @Override
  public String convertToDatabaseColumn(PaymentStatus status) {
    return status == null ? null : status.publicWord();
  }

  @Override
  public PaymentStatus convertToEntityAttribute(String word) {
    return word == null
        ? null
        : PaymentStatus.fromWord(word)
            .orElseThrow(() -> new IllegalStateException("unknown stored status " + word));
  }
}
