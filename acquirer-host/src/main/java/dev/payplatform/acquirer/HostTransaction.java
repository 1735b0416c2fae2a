package dev.payplatform.acquirer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One financial transaction as the acquirer knows it: a purchase or a refund, under its retrieval
 * reference number (DE 37). Reversed transactions stay, marked, for the settlement report.
 *
 * @param originalRrn the purchase a refund pays back (refunds only)
 * @param status {@code approved}, {@code declined}, or {@code reversed}; a reversal that found no
 *     transaction leaves a {@code reversed} record with type {@code unknown}, so a late original
 *     under that reference is refused
 */
public record HostTransaction(
    String rrn,
    String type,
    String stan,
    String transmission,
    String terminalId,
    String cardAcceptorId,
    long amount,
    String currency,
    String responseCode,
    String authorizationCode,
    String status,
    LocalDate businessDay,
    String originalRrn,
    Instant at,
    Instant reversedAt) {

  public static final String PURCHASE = "purchase";
  public static final String REFUND = "refund";
  public static final String UNKNOWN = "unknown";
  public static final String APPROVED = "approved";
  public static final String DECLINED = "declined";
  public static final String REVERSED = "reversed";

  public boolean approved() {
    return APPROVED.equals(status);
  }

  public boolean reversed() {
    return REVERSED.equals(status);
  }

  public HostTransaction reversedAt(Instant when) {
    return new HostTransaction(
        rrn,
        type,
        stan,
        transmission,
        terminalId,
        cardAcceptorId,
        amount,
        currency,
        responseCode,
        authorizationCode,
        REVERSED,
        businessDay,
        originalRrn,
        at,
        when);
  }
}
