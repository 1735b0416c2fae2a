package dev.payplatform.bankrail;

import java.time.LocalDate;

/**
 * A booked entry of a camt.054. {@code credit} (CRDT) is money coming back: a returned transfer,
 * with {@code returnReasonCode} (e.g. AC04); a debit (DBIT) is a transfer that left.
 */
public record BookedEntry(
    String endToEndId,
    long amount,
    String currency,
    boolean credit,
    LocalDate bookingDate,
    String returnReasonCode) {}
