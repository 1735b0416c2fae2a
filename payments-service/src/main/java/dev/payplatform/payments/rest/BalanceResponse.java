package dev.payplatform.payments.rest;

import java.util.List;

/** {@code GET /v1/balance}. */
public record BalanceResponse(
    String object,
    boolean livemode,
    List<BalanceAmountResponse> available,
    List<BalanceAmountResponse> pending) {}
