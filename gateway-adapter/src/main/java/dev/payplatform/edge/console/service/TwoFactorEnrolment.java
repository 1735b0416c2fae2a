package dev.payplatform.edge.console.service;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.console.domain.ConsoleUser;
import dev.payplatform.edge.console.domain.SessionStage;
import dev.payplatform.edge.domain.Merchant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.OptionalLong;

/**
 * A user adds or removes their authenticator. Enrolment shows a new secret (and its QR code) and
 * keeps it sealed as pending until one code from the app confirms it; confirming turns two-factor
 * sign-in on and gives ten single-use recovery codes. Removing needs a fresh code, counted against
 * the code step's lockout, and is refused while the team requires two-factor sign-in.
 */
@ApplicationScoped
public class TwoFactorEnrolment {
  /** Where a user stands. */
  public record Status(
      boolean enabled, Instant enrolledAt, long recoveryCodesLeft, boolean requiredByTeam) {}

  /** A started enrolment: the secret, as text and as the URI its QR code holds. */
  public record Started(String secret, String otpauthUri, String qrDataUrl) {}

  private final Authenticators authenticators;
  private final AuthenticationCodes codes;
  private final ConsoleSessions sessions;
  private final InstantSource clock;

  public TwoFactorEnrolment(
      Authenticators authenticators,
      AuthenticationCodes codes,
      ConsoleSessions sessions,
      InstantSource clock) {
    this.authenticators = authenticators;
    this.codes = codes;
    this.sessions = sessions;
    this.clock = clock;
  }

  @WithSession
  public Uni<Status> status(ConsoleSession s) {
    return ConsoleUser.<ConsoleUser>findById(s.userId())
        .chain(
            user ->
                RecoveryCodes.left(s.userId())
                    .chain(
                        left ->
                            Merchant.<Merchant>findById(s.merchantId())
                                .map(
                                    m ->
                                        new Status(
                                            user.hasTwoFactor(),
                                            user.totpEnabledAt,
                                            user.hasTwoFactor() ? left : 0,
                                            m != null && m.consoleRequiresTwoFactor))));
  }

  /** A new secret for the user, pending until {@link #confirm}; replaces any pending one. */
  public Uni<Started> begin(ConsoleSession s) {
    if (!authenticators.available()) {
      return Uni.createFrom()
          .failure(
              new ApiException(
                  503,
                  "Service unavailable",
                  "Two-factor sign-in is not set up on this platform (edge.console.sealing-key)."));
    }
    String secret = authenticators.newSecret();
    return Panache.withTransaction(
            () ->
                ConsoleUser.<ConsoleUser>findById(s.userId(), LockModeType.PESSIMISTIC_WRITE)
                    .invoke(
                        user -> {
                          if (user.hasTwoFactor()) {
                            throw ApiException.conflict(
                                "Two-factor sign-in is already on. Remove it first to enrol a"
                                    + " new authenticator.");
                          }
                          user.totpPendingSealed = authenticators.seal(secret);
                        }))
        .map(
            user -> {
              String uri = Authenticators.otpauthUri(secret, user.email);
              return new Started(secret, uri, Authenticators.qrDataUrl(uri));
            });
  }

  /**
   * One code from the app confirms the pending secret: two-factor sign-in is on, the ten recovery
   * codes are returned (once), and a session that had to enrol is signed in.
   */
  public Uni<List<String>> confirm(String token, ConsoleSession s, String code) {
    Instant now = Timestamps.now(clock);
    List<String> recovery = authenticators.newRecoveryCodes();
    return Panache.withTransaction(
            () ->
                ConsoleUser.<ConsoleUser>findById(s.userId(), LockModeType.PESSIMISTIC_WRITE)
                    .chain(
                        user -> {
                          if (user.hasTwoFactor() || user.totpPendingSealed == null) {
                            throw ApiException.conflict(
                                "No enrolment is waiting for a code. Start one first.");
                          }
                          OptionalLong step =
                              authenticators.matchingStep(
                                  authenticators.open(user.totpPendingSealed), code, now, null);
                          if (step.isEmpty()) {
                            throw new ValidationFailedException(
                                FieldError.body(
                                    "code",
                                    "does not match: enter the 6-digit code your app shows now"));
                          }
                          user.totpSecretSealed = user.totpPendingSealed;
                          user.totpPendingSealed = null;
                          user.totpEnabledAt = now;
                          user.totpLastStep = step.getAsLong();
                          user.failedCodes = 0;
                          user.codesLockedUntil = null;
                          return RecoveryCodes.replace(user.id, recovery, now);
                        }))
        .chain(
            () ->
                s.stage() == SessionStage.ENROL_TWO_FACTOR
                    ? sessions.signedIn(token, SessionStage.ENROL_TWO_FACTOR).replaceWithVoid()
                    : Uni.createFrom().voidItem())
        .replaceWith(recovery);
  }

  /** Removes the user's authenticator; needs a current code from it. */
  public Uni<Void> remove(ConsoleSession s, String code) {
    Instant now = Timestamps.now(clock);
    return Panache.withTransaction(
            () ->
                Merchant.<Merchant>findById(s.merchantId())
                    .chain(
                        m -> {
                          if (m != null && m.consoleRequiresTwoFactor) {
                            throw ApiException.conflict(
                                "Your team requires two-factor sign-in: an owner must turn that"
                                    + " off before you can remove your authenticator.");
                          }
                          return ConsoleUser.<ConsoleUser>findById(
                              s.userId(), LockModeType.PESSIMISTIC_WRITE);
                        })
                    .chain(user -> removal(user, code, now)))
        .chain(
            verdict ->
                verdict instanceof AuthenticationCodes.Verdict.Accepted
                    ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(AuthenticationCodes.refusal(verdict, now)));
  }

  // Within the transaction: the slot taken commits whatever the code was.
  private Uni<AuthenticationCodes.Verdict> removal(ConsoleUser user, String code, Instant now) {
    if (!user.hasTwoFactor()) {
      throw ApiException.conflict("Two-factor sign-in is not on.");
    }
    return codes
        .check(user, code, now, false)
        .call(
            verdict -> {
              if (!(verdict instanceof AuthenticationCodes.Verdict.Accepted)) {
                return Uni.createFrom().voidItem();
              }
              user.totpSecretSealed = null;
              user.totpPendingSealed = null;
              user.totpEnabledAt = null;
              user.totpLastStep = null;
              return RecoveryCodes.forget(user.id);
            });
  }
}
