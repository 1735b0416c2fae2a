package dev.payplatform.payments.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {"units_per_usd": "520.15", "source": "central bank fixing"}}; source optional. */
public record UpdateFxRateRequest(
    @NotBlank String unitsPerUsd,
    @Size(max = 200, message = "must be at most 200 characters") String source) {}
