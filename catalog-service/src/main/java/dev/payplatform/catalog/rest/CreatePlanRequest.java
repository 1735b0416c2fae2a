package dev.payplatform.catalog.rest;

import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.validation.CurrencyCode;
import dev.payplatform.commons.validation.MinorUnits;
import dev.payplatform.commons.validation.TrimmedText;
import dev.payplatform.commons.validation.WholeNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/plans}. {@code amount} and {@code interval_count} bind as raw JSON
 * values so that a string or a decimal is a 422 on that field (Jackson would otherwise coerce
 * {@code "10"} and truncate {@code 10.5}).
 *
 * @param productId required; a product of this merchant and mode
 * @param amount required; integer minor units (cents), 1 to {@link Money#MAX_MINOR_UNITS}
 * @param currency required; ISO-4217, any case, stored upper case
 * @param interval required; day, week, month or year
 * @param intervalCount optional, 1-12, default 1
 * @param nickname optional; trimmed, at most 250 characters; blank means none
 */
public record CreatePlanRequest(
    @NotBlank String productId,
    @NotNull
        @MinorUnits
        @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            minimum = "1",
            maximum = "10000000000000",
            description = "Minor units (cents); at most 10^13")
        Object amount,
    @NotNull @CurrencyCode String currency,
    @NotNull
        @Pattern(regexp = "day|week|month|year", message = "must be one of: day, week, month, year")
        String interval,
    @WholeNumber(min = 1, max = 12)
        @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "12", defaultValue = "1")
        Object intervalCount,
    @TrimmedText(max = 250) String nickname) {}
