package dev.payplatform.edge.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A merchant; the two secret keys appear only in the answer that created them. */
public record MerchantResponse(
    String id,
    String object,
    String name,
    String gatewayAccountId,
    String settlementCurrency,
    String localCurrency,
    String feePercent,
    long feeFixed,
    String statementDescriptor,
    String lateSuccess,
    Integer rateLimitTest,
    Integer rateLimitLive,
    String createdAt,
    String updatedAt,
    List<ApiKeyResponse> keys,
    @JsonInclude(JsonInclude.Include.NON_NULL) String secretKeyTest,
    @JsonInclude(JsonInclude.Include.NON_NULL) String secretKeyLive) {}
