package dev.payplatform.edge.console.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.console.domain.ConsoleUser;
import dev.payplatform.edge.console.domain.LockoutPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-in with lockout. After {@code edge.console.lockout.attempts} wrong passwords in a row an
 * account refuses every sign-in for {@code edge.console.lockout.duration}, the right password
 * included. An unknown address gets the same answers and the same timing, so sign-in does not tell
 * which addresses have accounts. Every known account's attempt, let in or refused, is in the audit
 * log.
 */
@ApplicationScoped
public class ConsoleSignIn {
  /** A sign-in that failed because the account is locked, and for how long. */
  public static final class Locked extends ApiException {
    private final long retryAfterSeconds;

    public Locked(long retryAfterSeconds) {
      super(
          429,
          "Too many requests",
          "Too many wrong passwords: sign-in is locked for this account. Try again later.");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Locked until {@code end}: retry after the whole seconds left, at least one. */
    public static Locked until(Instant now, Instant end) {
      return new Locked(Math.max(1, Duration.between(now, end).toSeconds() + 1));
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** A known user's attempt: the slot it took (or the lock that refused it) and what to check. */
  private record Attempt(
      String userId, String merchantId, String email, String hash, LockoutPolicy.Slot slot) {}

  private final Passwords passwords;
  private final ConsoleSessions sessions;
  private final ConsoleAudit audit;
  private final InstantSource clock;
  private final LockoutPolicy lockout;
  private final Cache<String, AtomicInteger> unknownAddressAttempts;

  public ConsoleSignIn(
      Passwords passwords,
      ConsoleSessions sessions,
      ConsoleAudit audit,
      InstantSource clock,
      EdgeConfig config) {
    this.passwords = passwords;
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
    this.lockout =
        new LockoutPolicy(
            config.console().lockout().attempts(), config.console().lockout().duration());
    this.unknownAddressAttempts =
        Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(lockout.duration()).build();
  }

  /**
   * Signs in: a new session, 401 for a wrong email or password, 429 while locked. The attempt takes
   * its slot under a row lock before bcrypt runs, so parallel guesses are counted before any of
   * them is checked: at most {@code attempts} get checked per lockout, the rest get 429.
   */
  public Uni<ConsoleSessions.Started> signIn(String rawEmail, String password, String address) {
    String email = ConsoleUser.normalizeEmail(rawEmail);
    if (email == null || password == null || password.isEmpty()) {
      return Uni.createFrom().failure(wrongCredentials());
    }
    if (Passwords.tooLong(password)) {
      // Longer than bcrypt reads: no stored password can be it. Same time as a wrong one.
      return passwords
          .matches("", null)
          .chain(ignored -> Uni.createFrom().failure(wrongCredentials()));
    }
    Instant now = Timestamps.now(clock);
    // Its own short transaction: the row lock is not held while bcrypt runs on a worker thread.
    return Panache.withTransaction(
            () ->
                ConsoleUser.<ConsoleUser>find(
                        "email = ?1 and status = ?2", email, ConsoleUser.ACTIVE)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .firstResult()
                    .map(
                        user ->
                            user == null
                                ? null
                                : new Attempt(
                                    user.id,
                                    user.merchantId,
                                    user.email,
                                    user.passwordHash,
                                    user.takePasswordAttempt(lockout, now))))
        .chain(
            attempt -> {
              if (attempt == null) {
                return unknownAddress(email, password);
              }
              if (attempt.slot() instanceof LockoutPolicy.Slot.Refused refused) {
                return refused(attempt, address, Locked.until(now, refused.until()));
              }
              return passwords
                  .matches(password, attempt.hash())
                  .chain(
                      ok ->
                          ok
                              ? succeeded(attempt, address)
                              : refused(attempt, address, wrongCredentials()));
            });
  }

  private Uni<ConsoleSessions.Started> unknownAddress(String email, String password) {
    // The slot is taken before the check here too: one counter per address, in this process.
    AtomicInteger attempts = unknownAddressAttempts.get(email, e -> new AtomicInteger());
    if (attempts.incrementAndGet() > lockout.attempts()) {
      return Uni.createFrom().failure(new Locked(lockout.duration().toSeconds()));
    }
    return passwords
        .matches(password, null)
        .chain(ignored -> Uni.createFrom().failure(wrongCredentials()));
  }

  private Uni<ConsoleSessions.Started> succeeded(Attempt attempt, String address) {
    // Every slot back: the right password ends the run of wrong ones.
    return Panache.withTransaction(
            () ->
                ConsoleUser.update(
                    "failedLogins = 0, lockedUntil = null where id = ?1", attempt.userId()))
        .chain(() -> sessions.start(attempt.userId()))
        .call(
            started ->
                audit.record(
                    attempt.merchantId(),
                    attempt.userId(),
                    attempt.email(),
                    ConsoleAction.SIGN_IN,
                    null,
                    started.session().sessionId(),
                    200,
                    address));
  }

  private Uni<ConsoleSessions.Started> refused(Attempt attempt, String address, ApiException why) {
    return audit
        .record(
            attempt.merchantId(),
            attempt.userId(),
            attempt.email(),
            ConsoleAction.SIGN_IN,
            null,
            null,
            why.status(),
            address)
        .chain(() -> Uni.createFrom().failure(why));
  }

  private static ApiException wrongCredentials() {
    return new ApiException(401, "Unauthorized", "Wrong email or password.");
  }
}
