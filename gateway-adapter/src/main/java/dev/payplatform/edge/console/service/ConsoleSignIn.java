package dev.payplatform.edge.console.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.console.domain.ConsoleUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-in with lockout. After {@code edge.console.lockout.attempts} wrong passwords in a row an
 * account refuses every sign-in for {@code edge.console.lockout.duration}, the right password
 * included. An unknown address gets the same answers and the same timing, so sign-in does not tell
 * which addresses have accounts.
 */
@ApplicationScoped
public class ConsoleSignIn {
  /** A sign-in that failed because the account is locked, and for how long. */
  public static final class Locked extends ApiException {
    private final long retryAfterSeconds;

    Locked(long retryAfterSeconds) {
      super(
          429,
          "Too many requests",
          "Too many wrong passwords: sign-in is locked for this account. Try again later.");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  private final Passwords passwords;
  private final ConsoleSessions sessions;
  private final InstantSource clock;
  private final int lockoutAttempts;
  private final Duration lockoutDuration;
  private final Cache<String, AtomicInteger> unknownAddressFailures;

  public ConsoleSignIn(
      Passwords passwords, ConsoleSessions sessions, InstantSource clock, EdgeConfig config) {
    this.passwords = passwords;
    this.sessions = sessions;
    this.clock = clock;
    this.lockoutAttempts = config.console().lockout().attempts();
    this.lockoutDuration = config.console().lockout().duration();
    this.unknownAddressFailures =
        Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(lockoutDuration).build();
  }

  /** Signs in: a new session, 401 for a wrong email or password, 429 while locked. */
  public Uni<ConsoleSessions.Started> signIn(String rawEmail, String password) {
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
    // Each step its own session: none is held while bcrypt runs on a worker thread.
    return Panache.withSession(
            () ->
                ConsoleUser.<ConsoleUser>find(
                        "email = ?1 and status = ?2", email, ConsoleUser.ACTIVE)
                    .firstResult())
        .chain(
            user -> {
              if (user == null) {
                return unknownAddress(email, password);
              }
              Instant now = clock.instant();
              if (user.lockedUntil != null && now.isBefore(user.lockedUntil)) {
                return Uni.createFrom().failure(new Locked(secondsUntil(now, user.lockedUntil)));
              }
              String userId = user.id;
              return passwords
                  .matches(password, user.passwordHash)
                  .chain(ok -> ok ? succeeded(userId) : failed(userId));
            });
  }

  private Uni<ConsoleSessions.Started> unknownAddress(String email, String password) {
    AtomicInteger failures = unknownAddressFailures.get(email, e -> new AtomicInteger());
    if (failures.get() >= lockoutAttempts) {
      return Uni.createFrom().failure(new Locked(lockoutDuration.toSeconds()));
    }
    return passwords
        .matches(password, null)
        .chain(
            ignored -> {
              failures.incrementAndGet();
              return Uni.createFrom().failure(wrongCredentials());
            });
  }

  private Uni<ConsoleSessions.Started> succeeded(String userId) {
    return Panache.withTransaction(
            () -> ConsoleUser.update("failedLogins = 0, lockedUntil = null where id = ?1", userId))
        .chain(() -> sessions.start(userId));
  }

  private Uni<ConsoleSessions.Started> failed(String userId) {
    Instant lockEnd = Timestamps.now(clock).plus(lockoutDuration);
    // One statement: concurrent wrong guesses each count, none is lost.
    return Panache.withTransaction(
            () ->
                ConsoleUser.update(
                    "failedLogins = failedLogins + 1, lockedUntil = case when failedLogins + 1"
                        + " >= ?2 then ?3 else lockedUntil end where id = ?1",
                    userId,
                    lockoutAttempts,
                    lockEnd))
        .chain(() -> Uni.createFrom().failure(wrongCredentials()));
  }

  private static ApiException wrongCredentials() {
    return new ApiException(401, "Unauthorized", "Wrong email or password.");
  }

  private static long secondsUntil(Instant now, Instant end) {
    return Math.max(1, Duration.between(now, end).toSeconds() + 1);
  }
}
