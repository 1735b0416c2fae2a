package dev.payplatform.edge.console.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How many attempts in a row a secret check (a password, an authentication code) gets before it is
 * locked, and for how long. An attempt takes its slot before the check runs, so a burst of parallel
 * guesses cannot all see "not locked": the slot that reaches the limit sets the lock, and a success
 * gives every slot back ({@link ConsoleUser#takePasswordAttempt}).
 */
public record LockoutPolicy(int attempts, Duration duration) {

  /** The counter after taking one attempt: its new value and lock, or the lock that refuses it. */
  public sealed interface Slot {
    /** Taken: the counter is now {@code failures}, locked until {@code lockedUntil} (or null). */
    record Taken(int failures, Instant lockedUntil) implements Slot {}

    /** Refused: locked until {@code until}. */
    record Refused(Instant until) implements Slot {}
  }

  /** Takes an attempt from a counter at {@code failures}, locked until {@code lockedUntil}. */
  public Slot take(int failures, Instant lockedUntil, Instant now) {
    boolean lockOver = lockedUntil != null && !now.isBefore(lockedUntil);
    if (lockedUntil != null && !lockOver && failures >= attempts) {
      return new Slot.Refused(lockedUntil);
    }
    int taken = (lockOver ? 0 : failures) + 1;
    Instant lock = taken >= attempts ? now.plus(duration) : (lockOver ? null : lockedUntil);
    return new Slot.Taken(taken, lock);
  }
}
