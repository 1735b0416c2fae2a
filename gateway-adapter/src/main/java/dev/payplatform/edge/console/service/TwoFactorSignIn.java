package dev.payplatform.edge.console.service;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.console.domain.ConsoleUser;
import dev.payplatform.edge.console.domain.LockoutPolicy;
import dev.payplatform.edge.console.domain.SessionStage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.OptionalLong;

/**
 * The code step of signing in: after the password, a code from the user's authenticator (or one of
 * their recovery codes) moves the session on to signed in. The step has its own lockout ({@code
 * edge.console.two-factor-lockout}), counted the way the password's is: the attempt takes its slot
 * under the user's row lock before the code is compared.
 */
@ApplicationScoped
public class TwoFactorSignIn {
  /** What checking a code decided; the transaction commits the slot taken in every case. */
  sealed interface Verdict {
    record Accepted() implements Verdict {}

    record Wrong() implements Verdict {}

    record Locked(Instant until) implements Verdict {}
  }

  private final Authenticators authenticators;
  private final ConsoleSessions sessions;
  private final ConsoleAudit audit;
  private final InstantSource clock;
  private final LockoutPolicy lockout;

  public TwoFactorSignIn(
      Authenticators authenticators,
      ConsoleSessions sessions,
      ConsoleAudit audit,
      InstantSource clock,
      EdgeConfig config) {
    this.authenticators = authenticators;
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
    this.lockout =
        new LockoutPolicy(
            config.console().twoFactorLockout().attempts(),
            config.console().twoFactorLockout().duration());
  }

  /** Checks the code of a session waiting for one: the signed-in session, 401, or 429. */
  public Uni<ConsoleSession> verify(
      String token, ConsoleSession session, String code, String address) {
    if (session.stage() != SessionStage.TWO_FACTOR) {
      return Uni.createFrom()
          .failure(ApiException.conflict("This session is not waiting for a code."));
    }
    Instant now = Timestamps.now(clock);
    return Panache.withTransaction(
            () ->
                ConsoleUser.<ConsoleUser>findById(session.userId(), LockModeType.PESSIMISTIC_WRITE)
                    .chain(user -> check(user, code, now)))
        .chain(
            verdict -> {
              if (verdict instanceof Verdict.Accepted) {
                return sessions
                    .signedIn(token, SessionStage.TWO_FACTOR)
                    .map(s -> s.orElseThrow(TwoFactorSignIn::sessionEnded))
                    .call(s -> record(session, 200, address));
              }
              ApiException why =
                  verdict instanceof Verdict.Locked locked
                      ? new ConsoleSignIn.Locked(
                          Math.max(1, Duration.between(now, locked.until()).toSeconds() + 1))
                      : wrongCode();
              return record(session, why.status(), address)
                  .chain(() -> Uni.createFrom().failure(why));
            });
  }

  /** Takes a slot, then compares: a recovery code is used up, an app's code's step remembered. */
  Uni<Verdict> check(ConsoleUser user, String code, Instant now) {
    if (user == null || !user.hasTwoFactor()) {
      return Uni.createFrom().item(new Verdict.Wrong());
    }
    LockoutPolicy.Slot slot = user.takeCodeAttempt(lockout, now);
    if (slot instanceof LockoutPolicy.Slot.Refused refused) {
      return Uni.createFrom().item(new Verdict.Locked(refused.until()));
    }
    if (Authenticators.isRecoveryCode(code)) {
      return RecoveryCodes.use(user.id, code, now)
          .map(used -> used ? accepted(user, null) : new Verdict.Wrong());
    }
    OptionalLong step =
        authenticators.matchingStep(
            authenticators.open(user.totpSecretSealed), code, now, user.totpLastStep);
    return Uni.createFrom()
        .item(step.isPresent() ? accepted(user, step.getAsLong()) : new Verdict.Wrong());
  }

  private static Verdict accepted(ConsoleUser user, Long step) {
    user.failedCodes = 0;
    user.codesLockedUntil = null;
    if (step != null) {
      user.totpLastStep = step;
    }
    return new Verdict.Accepted();
  }

  private Uni<Void> record(ConsoleSession s, int status, String address) {
    return audit.record(
        s.merchantId(),
        s.userId(),
        s.email(),
        ConsoleAction.TWO_FACTOR_VERIFY,
        null,
        s.sessionId(),
        status,
        address);
  }

  static ApiException wrongCode() {
    return new ApiException(401, "Unauthorized", "Wrong authentication code.");
  }

  private static ApiException sessionEnded() {
    return new ApiException(401, "Unauthorized", "Sign in to the console.");
  }
}
