package dev.payplatform.payments.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The merchant's evidence against a dispute: the documented subset of Stripe's fields
 * (docs/disputes.md). Text only; a field left out of an update keeps its value.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DisputeEvidence(
    String customerName,
    String customerEmailAddress,
    String productDescription,
    String shippingCarrier,
    String shippingTrackingNumber,
    String refundPolicy,
    String uncategorizedText) {

  public static final DisputeEvidence NONE =
      new DisputeEvidence(null, null, null, null, null, null, null);

  /** This evidence with every field {@code update} sets (non-null) replaced. */
  public DisputeEvidence with(DisputeEvidence update) {
    if (update == null) {
      return this;
    }
    return new DisputeEvidence(
        pick(update.customerName, customerName),
        pick(update.customerEmailAddress, customerEmailAddress),
        pick(update.productDescription, productDescription),
        pick(update.shippingCarrier, shippingCarrier),
        pick(update.shippingTrackingNumber, shippingTrackingNumber),
        pick(update.refundPolicy, refundPolicy),
        pick(update.uncategorizedText, uncategorizedText));
  }

  /** Whether any field holds something (an update stores an emptied field as null). */
  public boolean present() {
    return !equals(NONE);
  }

  private static String pick(String update, String current) {
    if (update == null) {
      return current;
    }
    // An empty string clears the field.
    return update.isEmpty() ? null : update;
  }

  /** Kept as a JSON object in a text column. */
  @Converter
  public static class Json implements AttributeConverter<DisputeEvidence, String> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(DisputeEvidence evidence) {
      try {
        return JSON.writeValueAsString(evidence == null ? NONE : evidence);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("evidence is not serialisable", e);
      }
    }

    @Override
    public DisputeEvidence convertToEntityAttribute(String json) {
      if (json == null || json.isBlank()) {
        return NONE;
      }
      try {
        return JSON.readValue(json, DisputeEvidence.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("stored evidence is not a JSON object", e);
      }
    }
  }
}
