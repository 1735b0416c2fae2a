package dev.payplatform.bankrail;

import java.time.Instant;
import java.util.List;

/** A camt.054: what the bank booked on the platform's account {@code accountIban}. */
public record AccountNotification(
    String messageId, Instant createdAt, String accountIban, List<BookedEntry> entries) {}
