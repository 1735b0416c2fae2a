package dev.payplatform.commons.state;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a status enum as its wire word. Each status declares {@code @Converter(autoApply = true)
 * public static class Column extends WireWordColumn<Status>} with a no-argument constructor.
 */
public abstract class WireWordColumn<E extends Enum<E> & WireWord>
    implements AttributeConverter<E, String> {
  private final Class<E> type;

  protected WireWordColumn(Class<E> type) {
    this.type = type;
  }

  @Override
  public String convertToDatabaseColumn(E status) {
    return status == null ? null : status.wire();
  }

  @Override
  public E convertToEntityAttribute(String word) {
    if (word == null) {
      return null;
    }
    E status = WireWord.parse(type, word);
    if (status == null) {
      throw new IllegalStateException("unknown " + type.getSimpleName() + " in a row: " + word);
    }
    return status;
  }
}
