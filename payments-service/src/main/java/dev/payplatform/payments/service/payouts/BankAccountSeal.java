package dev.payplatform.payments.service.payouts;

import dev.payplatform.bankrail.BankAccount;
import dev.payplatform.commons.keys.SecretSealer;
import dev.payplatform.payments.config.PaymentsConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Seals a merchant's bank account for the database and opens it only to write a payout's credit
 * transfer: the API and the console show the last 4 digits. The key comes from a Secret ({@code
 * payments.payouts.sealing-key}); the service does not start without a usable one.
 */
@ApplicationScoped
public class BankAccountSeal {
  private static final String SEPARATOR = "\n";
  private final SecretSealer sealer;

  public BankAccountSeal(PaymentsConfig config) {
    this.sealer = new SecretSealer("payments.payouts.sealing-key", config.payouts().sealingKey());
  }

  public String seal(BankAccount account) {
    return sealer.seal(
        String.join(
            SEPARATOR,
            account.country(),
            nullToEmpty(account.iban()),
            nullToEmpty(account.accountNumber()),
            nullToEmpty(account.routingNumber())));
  }

  public BankAccount open(String sealed) {
    String[] parts = sealer.open(sealed).split(SEPARATOR, -1);
    return new BankAccount(
        parts[0], emptyToNull(parts[1]), emptyToNull(parts[2]), emptyToNull(parts[3]));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
