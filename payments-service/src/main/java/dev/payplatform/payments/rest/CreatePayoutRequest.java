package dev.payplatform.payments.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code POST /v1/payouts}: integer minor units of {@code currency}, as balances use. */
public record CreatePayoutRequest(
    @NotNull(message = "field required")
        @Positive(message = "must be a positive integer of minor units")
        @org.eclipse.microprofile.openapi.annotations.media.Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
            format = "int64",
            description = "Integer minor units of currency")
        java.math.BigDecimal amount,
    @NotNull(message = "field required") String currency,
    @Size(max = 140, message = "must be at most 140 characters") String description) {}
