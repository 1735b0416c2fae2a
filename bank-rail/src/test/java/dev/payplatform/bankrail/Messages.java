package dev.payplatform.bankrail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Sample messages for the tests. */
final class Messages {
  static final Debtor DEBTOR =
      new Debtor("Payplatform Ltd", "DE89370400440532013000", "COBADEFFXXX");

  private Messages() {}

  static PaymentInitiation initiation() {
    return new PaymentInitiation(
        "pom_20261207_0001",
        Instant.parse("2026-12-07T08:00:00Z"),
        LocalDate.parse("2026-12-08"),
        DEBTOR,
        List.of(
            new CreditTransfer(
                "po_1",
                4824,
                "EUR",
                "Acme GmbH",
                BankAccount.iban("GB82 WEST 1234 5698 7654 32"),
                "Payout po_1"),
            new CreditTransfer(
                "po_2",
                150000,
                "USD",
                "Acme Inc",
                BankAccount.us("000123456789", "110000000"),
                null)));
  }
}
