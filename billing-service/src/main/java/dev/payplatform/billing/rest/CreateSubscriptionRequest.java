package dev.payplatform.billing.rest;

import dev.payplatform.commons.validation.WholeNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/subscriptions}.
 *
 * @param customerId required; a customer of this merchant and mode (else 404 naming customer_id)
 * @param planId required; a plan of this merchant and mode (else 404 naming plan_id)
 * @param trialDays optional integer 1-730: start trialing; the first invoice is then due when the
 *     trial ends
 */
public record CreateSubscriptionRequest(
    @NotBlank @Size(max = 255) String customerId,
    @NotBlank @Size(max = 255) String planId,
    @WholeNumber(min = 1, max = 730)
        @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "730")
        Object trialDays) {}
