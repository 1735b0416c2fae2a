package dev.payplatform.billing.rest;

import dev.payplatform.commons.validation.CurrencyCode;
import dev.payplatform.commons.validation.MinorUnits;
import dev.payplatform.commons.validation.TrimmedText;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/payment-links} (Payment Links API): all three required.
 *
 * @param amount integer minor units (cents), 1 to 10^13
 * @param currency ISO-4217, any case, stored upper case
 * @param description 1-500 characters after trimming, shown on the checkout page
 */
public record CreatePaymentLinkRequest(
    @NotNull
        @MinorUnits
        @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            minimum = "1",
            maximum = "10000000000000")
        Object amount,
    @NotNull @CurrencyCode String currency,
    @NotNull @TrimmedText(min = 1, max = 500) String description) {}
