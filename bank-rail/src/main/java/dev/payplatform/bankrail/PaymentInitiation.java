package dev.payplatform.bankrail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A pain.001 file: the transfers the platform asks its bank to make from {@code debtor}. */
public record PaymentInitiation(
    String messageId,
    Instant createdAt,
    LocalDate requestedExecutionDate,
    Debtor debtor,
    List<CreditTransfer> transfers) {}
