package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.rest.validation.HttpUrl;
import dev.payplatform.commons.validation.TrimmedText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/payments/session} (api-docs 000, "Create Checkout Session").
 *
 * @param amount required; a decimal string such as "99.99", at most the currency's decimals
 * @param currency required; ISO-4217, any case
 * @param returnUrl required; absolute http(s) URL, where the buyer goes with {@code id_payment}
 * @param description optional, at most 1000 characters
 * @param items optional names shown to the buyer, default []; at most 100 of at most 250 chars
 * @param mode payment (default) or subscription
 * @param priceId the plan ({@code plan_…}) of a subscription; required in subscription mode
 * @param customerId the customer ({@code cus_…}); required in subscription mode
 */
public record CreateSessionRequest(
    @NotNull @Schema(example = "99.99") String amount,
    @NotNull @Schema(example = "USD") String currency,
    @NotNull @HttpUrl String returnUrl,
    @TrimmedText(max = 1000) String description,
    @Size(max = 100, message = "must have at most 100 items")
        List<@NotNull @TrimmedText(min = 1, max = 250) String> items,
    @Pattern(regexp = "payment|subscription", message = "must be one of: payment, subscription")
        String mode,
    @Pattern(regexp = "plan_[A-Za-z0-9_-]{16,64}", message = "must be a plan id (plan_...)")
        String priceId,
    @Pattern(regexp = "cus_[A-Za-z0-9_-]{16,64}", message = "must be a customer id (cus_...)")
        String customerId) {}
