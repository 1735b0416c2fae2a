package dev.payplatform.payments.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A list of strings kept as a JSON array in a text column (the payment's items). */
@Converter
public class StringListJson implements AttributeConverter<List<String>, String> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  @Override
  public String convertToDatabaseColumn(List<String> items) {
    try {
      return JSON.writeValueAsString(items == null ? List.of() : items);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("items are not serialisable", e);
    }
  }

  @Override
  public List<String> convertToEntityAttribute(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return List.copyOf(JSON.readValue(json, LIST));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored items are not a JSON array", e);
    }
  }
}
