package dev.payplatform.bankrail;

/**
 * One transfer's status in a pain.002: {@code ACSC}, {@code ACCP} or {@code RJCT}, with an ISO
 * external status reason code (e.g. {@code AC01}) or null.
 */
public record TransactionStatus(String endToEndId, String status, String reasonCode) {}
