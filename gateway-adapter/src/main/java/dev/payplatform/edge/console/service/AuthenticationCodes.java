package dev.payplatform.edge.console.service;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.console.domain.ConsoleUser;
import dev.payplatform.edge.console.domain.LockoutPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Checks an authentication code of a user who has an authenticator: the code step of signing in,
 * and removing the authenticator. Like a password attempt, the check takes its slot first (the code
 * step's own lockout, {@code edge.console.two-factor-lockout}); call it on a row-locked user inside
 * a transaction, which commits the slot whatever the code was. A code works once: the step of an
 * accepted app code is remembered, and a recovery code is used up.
 */
@ApplicationScoped
class AuthenticationCodes {
  /** What a check decided. */
  sealed interface Verdict {
    record Accepted() implements Verdict {}

    record Wrong() implements Verdict {}

    record Locked(Instant until) implements Verdict {}
  }

  private final Authenticators authenticators;
  private final LockoutPolicy lockout;

  AuthenticationCodes(Authenticators authenticators, EdgeConfig config) {
    this.authenticators = authenticators;
    this.lockout =
        new LockoutPolicy(
            config.console().twoFactorLockout().attempts(),
            config.console().twoFactorLockout().duration());
  }

  /**
   * @param recoveryAllowed whether a recovery code counts (signing in: yes; removing: no, a fresh
   *     code from the app is asked)
   */
  Uni<Verdict> check(ConsoleUser user, String code, Instant now, boolean recoveryAllowed) {
    if (user == null || !user.hasTwoFactor()) {
      return Uni.createFrom().item(new Verdict.Wrong());
    }
    LockoutPolicy.Slot slot = user.takeCodeAttempt(lockout, now);
    if (slot instanceof LockoutPolicy.Slot.Refused refused) {
      return Uni.createFrom().item(new Verdict.Locked(refused.until()));
    }
    if (recoveryAllowed && Authenticators.isRecoveryCode(code)) {
      return RecoveryCodes.use(user.id, code, now)
          .map(used -> used ? accepted(user, null) : new Verdict.Wrong());
    }
    OptionalLong step =
        authenticators.matchingStep(
            authenticators.open(user.totpSecretSealed), code, now, user.totpLastStep);
    return Uni.createFrom()
        .item(step.isPresent() ? accepted(user, step.getAsLong()) : new Verdict.Wrong());
  }

  /** The answer to a check that did not accept: 429 while locked, else 401. */
  static ApiException refusal(Verdict verdict, Instant now) {
    return verdict instanceof Verdict.Locked locked
        ? ConsoleSignIn.Locked.until(now, locked.until())
        : new ApiException(401, "Unauthorized", "Wrong authentication code.");
  }

  private static Verdict accepted(ConsoleUser user, Long step) {
    user.failedCodes = 0;
    user.codesLockedUntil = null;
    if (step != null) {
      user.totpLastStep = step;
    }
    return new Verdict.Accepted();
  }
}
