package dev.payplatform.payments.rest;

import dev.payplatform.payments.domain.DisputeEvidence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/disputes/{id}}: evidence to save (a field left out keeps its value, an empty
 * string clears it) and whether to submit it now.
 */
public record UpdateDisputeRequest(@Valid Evidence evidence, Boolean submit) {

  /** The documented evidence fields (docs/disputes.md). */
  public record Evidence(
      @Size(max = 500, message = "must be at most 500 characters") String customerName,
      @Size(max = 254, message = "must be at most 254 characters")
          @Email(message = "must be an email address")
          String customerEmailAddress,
      @Size(max = 20000, message = "must be at most 20000 characters") String productDescription,
      @Size(max = 500, message = "must be at most 500 characters") String shippingCarrier,
      @Size(max = 500, message = "must be at most 500 characters") String shippingTrackingNumber,
      @Size(max = 20000, message = "must be at most 20000 characters") String refundPolicy,
      @Size(max = 20000, message = "must be at most 20000 characters") String uncategorizedText) {

    DisputeEvidence toDomain() {
      return new DisputeEvidence(
          customerName,
          customerEmailAddress,
          productDescription,
          shippingCarrier,
          shippingTrackingNumber,
          refundPolicy,
          uncategorizedText);
    }
  }
}
