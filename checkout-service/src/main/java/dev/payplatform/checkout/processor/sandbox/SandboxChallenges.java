package dev.payplatform.checkout.processor.sandbox;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.CardSummary;
import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.InstantSource;

/**
 * The sandbox's 3-D Secure challenges, over its {@code sandbox_authentication} records: a card that
 * challenges is held pending (its behaviour, brand, last 4, expiry and the payment asked for) until
 * the buyer answers, once; authenticated, the payment is captured ({@link SandboxCharges}). Apart
 * from {@link SandboxProcessor}, which decides from the test card when to challenge. Runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class SandboxChallenges {
  private final InstantSource clock;
  private final SandboxCharges charges;

  public SandboxChallenges(InstantSource clock, SandboxCharges charges) {
    this.clock = clock;
    this.charges = charges;
  }

  /** Holds the payment pending a challenge: the processor's answer is "challenge". */
  public Uni<ProcessorResult> start(
      ProcessorAccount account,
      CardSummary summary,
      SandboxBehaviour behaviour,
      long amount,
      String currency,
      boolean savePaymentMethod) {
    SandboxAuthentication auth = new SandboxAuthentication();
    auth.id = Ids.newId("auth");
    auth.merchantId = account.merchantId();
    auth.livemode = false;
    auth.behaviour = behaviour;
    auth.cardBrand = summary.brand();
    auth.cardLast4 = summary.last4();
    auth.cardExpMonth = summary.expMonth();
    auth.cardExpYear = summary.expYear();
    auth.cardCountry = summary.country();
    auth.amount = amount;
    auth.currency = currency;
    auth.savePaymentMethod = savePaymentMethod;
    auth.status = SandboxAuthentication.PENDING;
    auth.createdAt = Timestamps.now(clock);
    return auth.persist().replaceWith(() -> ProcessorResult.challenge(summary, auth.id));
  }

  /**
   * The buyer's answer to a pending challenge: captured if authenticated, else declined; an unknown
   * or already answered challenge is declined.
   */
  public Uni<ProcessorResult> complete(
      ProcessorAccount account, String authenticationRef, boolean authenticated) {
    return SandboxAuthentication.<SandboxAuthentication>find(
            "id = ?1 and merchantId = ?2 and livemode = ?3",
            authenticationRef,
            account.merchantId(),
            account.livemode())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .<SandboxAuthentication>firstResult()
        .chain(
            auth -> {
              if (auth == null || !SandboxAuthentication.PENDING.equals(auth.status)) {
                return Uni.createFrom()
                    .item(
                        ProcessorResult.declined(
                            auth == null ? null : summary(auth),
                            DeclineReasons.AUTHENTICATION_FAILED,
                            "This 3-D Secure challenge is unknown or was already answered."));
              }
              CardSummary summary = summary(auth);
              if (!authenticated) {
                auth.status = SandboxAuthentication.FAILED;
                return Uni.createFrom()
                    .item(ProcessorResult.declined(summary, DeclineReasons.AUTHENTICATION_FAILED));
              }
              auth.status = SandboxAuthentication.SUCCEEDED;
              return charges.capture(
                  account,
                  summary,
                  auth.behaviour,
                  auth.amount,
                  auth.currency,
                  auth.savePaymentMethod);
            });
  }

  private static CardSummary summary(SandboxAuthentication auth) {
    return new CardSummary(
        auth.cardBrand,
        auth.cardLast4,
        auth.cardExpMonth,
        auth.cardExpYear,
        auth.cardCountry,
        null);
  }
}
