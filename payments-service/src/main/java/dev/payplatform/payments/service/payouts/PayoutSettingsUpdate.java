package dev.payplatform.payments.service.payouts;

import dev.payplatform.bankrail.BankAccount;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.PayoutSchedule;
import dev.payplatform.payments.domain.PayoutSettings;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/payout_settings}: the schedule and the bank account. A new bank account holds the
 * next payouts for 24 hours of the payout clock (a stolen key cannot redirect money at once), and
 * is logged without its number (the edge's audit log records the call).
 */
@ApplicationScoped
public class PayoutSettingsUpdate {
  private static final Logger LOG = Logger.getLogger(PayoutSettingsUpdate.class);

  /** A new bank account and its holder's name. */
  public record NewBankAccount(String holderName, BankAccount account) {}

  /** What to change; null leaves it as it is. */
  public record Change(PayoutSchedule schedule, NewBankAccount bankAccount) {}

  private final BankAccountSeal seal;
  private final InstantSource clock;

  public PayoutSettingsUpdate(BankAccountSeal seal, InstantSource clock) {
    this.seal = seal;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<PayoutSettings> update(Tenant tenant, Change change) {
    Instant now = Timestamps.now(clock);
    return PayoutSettingsRows.lock(tenant, now)
        .invoke(
            s -> {
              Instant clockNow = s.clock(now);
              if (change.schedule() != null) {
                s.setSchedule(change.schedule(), clockNow);
              }
              if (change.bankAccount() != null) {
                BankAccount account = change.bankAccount().account();
                boolean replacing = s.hasBankAccount();
                s.bankAccountId = Ids.newId(PayoutSettings.BANK_ACCOUNT_PREFIX);
                s.bankCountry = account.country();
                s.bankHolderName = change.bankAccount().holderName();
                s.bankLast4 = account.last4();
                s.bankRoutingNumber = account.routingNumber();
                s.bankAccountSealed = seal.seal(account);
                s.bankAccountCreatedAt = now;
                s.payoutsHeldUntil = clockNow.plus(PayoutSettings.holdAfterChange());
                LOG.infof(
                    "merchant %s (%s) %s its payout bank account: %s ending %s; payouts held until %s",
                    tenant.merchantId(),
                    tenant.livemode() ? "live" : "test",
                    replacing ? "changed" : "set",
                    s.bankAccountId,
                    s.bankLast4,
                    s.payoutsHeldUntil);
              }
              s.updatedAt = now;
            });
  }
}
