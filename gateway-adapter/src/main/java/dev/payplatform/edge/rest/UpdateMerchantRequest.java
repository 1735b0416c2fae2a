package dev.payplatform.edge.rest;

import dev.payplatform.edge.service.MerchantDetails;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Change a merchant: only the fields present change. */
public record UpdateMerchantRequest(
    @Size(min = 1, max = 250, message = "must be 1 to 250 characters") String name,
    @Size(max = 255, message = "must be at most 255 characters")
        @Pattern(regexp = "[A-Za-z0-9_-]*", message = "may contain letters, digits, - and _")
        String gatewayAccountId,
    String settlementCurrency,
    String localCurrency,
    @Pattern(
            regexp = "(100(\\.0{1,2})?|[0-9]{1,2}(\\.[0-9]{1,2})?)",
            message = "must be a percentage between 0 and 100 with at most 2 decimals")
        String feePercent,
    @Min(value = 0, message = "must be at least 0")
        @Max(value = 100_000_000, message = "is too large")
        Long feeFixed,
    @Size(min = 1, max = 22, message = "must be 1 to 22 characters") String statementDescriptor,
    @Pattern(regexp = "refund|keep", message = "must be refund or keep") String lateSuccess,
    @Min(value = 1, message = "must be at least 1")
        @Max(value = 100_000, message = "must be at most 100000")
        Integer rateLimitTest,
    @Min(value = 1, message = "must be at least 1")
        @Max(value = 100_000, message = "must be at most 100000")
        Integer rateLimitLive)
    implements MerchantDetails {}
