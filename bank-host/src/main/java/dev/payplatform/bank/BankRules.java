package dev.payplatform.bank;

import dev.payplatform.bankrail.BookedEntry;
import dev.payplatform.bankrail.CreditTransfer;
import dev.payplatform.bankrail.TransactionStatus;
import java.time.LocalDate;

/**
 * What the stand-in bank does with a transfer, by the creditor account number's last four digits
 * (an IBAN's or a US account number's), so tests can choose an outcome: {@code 0001} is rejected in
 * the pain.002 (AC01, incorrect account number); {@code 0004} is accepted, then returned in the
 * camt.054 (a CRDT entry, AC04, account closed); anything else is accepted and booked (DBIT).
 */
final class BankRules {
  static final String REJECTED = "0001";
  static final String RETURNED = "0004";

  private BankRules() {}

  static TransactionStatus status(CreditTransfer t) {
    if (REJECTED.equals(t.creditorAccount().last4())) {
      return new TransactionStatus(t.endToEndId(), "RJCT", "AC01");
    }
    return new TransactionStatus(t.endToEndId(), "ACSC", null);
  }

  /** The booking for an accepted transfer; null for a rejected one (nothing moves). */
  static BookedEntry booking(CreditTransfer t, LocalDate day) {
    String last4 = t.creditorAccount().last4();
    if (REJECTED.equals(last4)) {
      return null;
    }
    boolean returned = RETURNED.equals(last4);
    return new BookedEntry(
        t.endToEndId(), t.amount(), t.currency(), returned, day, returned ? "AC04" : null);
  }

  /** ACSC when all were accepted, RJCT when none were, PART otherwise. */
  static String groupStatus(long accepted, long total) {
    if (accepted == total) {
      return "ACSC";
    }
    return accepted == 0 ? "RJCT" : "PART";
  }
}
