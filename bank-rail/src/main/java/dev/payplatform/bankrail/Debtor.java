package dev.payplatform.bankrail;

/** The platform's own account the money leaves from (one per currency, configured). */
public record Debtor(String name, String iban, String bic) {}
