package dev.payplatform.billing.rest;

import dev.payplatform.commons.validation.MinorUnits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/refunds}.
 *
 * @param paymentId required; a completed payment of this merchant and mode
 * @param amount optional integer minor units; absent = everything that remains refundable
 * @param reason optional: duplicate, fraudulent or requested_by_customer
 */
public record CreateRefundRequest(
    @NotBlank @Size(max = 255) String paymentId,
    @MinorUnits @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1") Object amount,
    @Pattern(
            regexp = "duplicate|fraudulent|requested_by_customer",
            message = "must be one of: duplicate, fraudulent, requested_by_customer")
        String reason) {}
