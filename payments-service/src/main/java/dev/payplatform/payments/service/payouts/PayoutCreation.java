package dev.payplatform.payments.service.payouts;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.ManualPayoutsNotAllowed;
import dev.payplatform.payments.domain.Payout;
import dev.payplatform.payments.service.ledger.LedgerQueries;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;

/**
 * {@code POST /v1/payouts}: a manual payout of at most the available balance, on the manual
 * schedule, to the bank account set. The settings row's lock makes two concurrent payouts of one
 * merchant check the balance one after the other.
 */
@ApplicationScoped
public class PayoutCreation {
  private final PayoutMaker maker;
  private final LedgerQueries ledger;
  private final InstantSource clock;

  public PayoutCreation(PayoutMaker maker, LedgerQueries ledger, InstantSource clock) {
    this.maker = maker;
    this.ledger = ledger;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<Payout> create(Tenant tenant, long amount, String currency, String description) {
    Instant now = Timestamps.now(clock);
    return PayoutSettingsRows.lock(tenant, now)
        .chain(
            s -> {
              if (s.schedule().automatic()) {
                throw new ManualPayoutsNotAllowed(s.scheduleInterval);
              }
              if (!s.hasBankAccount()) {
                throw new ValidationFailedException(
                    FieldError.body(
                        "destination",
                        "no bank account is set: POST /v1/payout_settings with an external_account"
                            + " first"));
              }
              if (s.held(s.clock(now))) {
                // A new bank account waits 24 hours: a stolen key cannot redirect money at once.
                throw new ValidationFailedException(
                    FieldError.body(
                        "destination",
                        "payouts to the new bank account are held until " + s.payoutsHeldUntil));
              }
              return ledger
                  .balance(tenant)
                  .chain(
                      balance -> {
                        long available = balance.available().getOrDefault(currency, 0L);
                        if (amount > available) {
                          throw new ValidationFailedException(
                              FieldError.body(
                                  "amount",
                                  "exceeds the available balance of "
                                      + Math.max(available, 0)
                                      + " "
                                      + currency));
                        }
                        return maker.make(
                            PayoutMaker.newId(),
                            s,
                            amount,
                            currency,
                            false,
                            description,
                            now,
                            s.clock(now));
                      });
            });
  }
}
