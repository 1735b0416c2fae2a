package dev.payplatform.bankrail;

/** One payout as a credit transfer: its end-to-end id is the payout id. Amount in minor units. */
public record CreditTransfer(
    String endToEndId,
    long amount,
    String currency,
    String creditorName,
    BankAccount creditorAccount,
    String remittanceInfo) {}
