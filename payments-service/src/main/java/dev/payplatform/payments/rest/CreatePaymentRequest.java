package dev.payplatform.payments.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** POST /v1/payments/: every field is required (000 and 001 agree). */
public record CreatePaymentRequest(
    @NotBlank @Size(max = 32, message = "must be at most 32 characters") String amount,
    @NotBlank @Size(max = 1000, message = "must be at most 1000 characters") String description,
    @NotBlank String currency,
    @NotNull @Size(min = 1, max = 100, message = "must list between 1 and 100 items")
        List<
                @NotBlank(message = "must not be blank")
                @Size(max = 250, message = "must be at most 250 characters") String>
            items,
    @NotBlank @Size(max = 2048, message = "must be at most 2048 characters") String returnUrl) {}
