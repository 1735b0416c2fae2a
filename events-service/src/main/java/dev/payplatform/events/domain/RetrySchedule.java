package dev.payplatform.events.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is attempted again: the n-th configured delay after the n-th failed
 * attempt of a series, with +-20 % jitter so that many deliveries failed by one outage do not all
 * come back in the same second. After the last delay's attempt fails, the delivery has failed.
 */
public final class RetrySchedule {
  static final double JITTER = 0.2;
  static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
  static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
  private final List<Duration> delays;

  public RetrySchedule(List<Duration> delays) {
    if (delays.isEmpty()) {
      throw new IllegalArgumentException("events.webhooks.retry-schedule needs at least one delay");
    }
    for (Duration d : delays) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("retry delays must be positive: " + delays);
      }
    }
    this.delays = List.copyOf(delays);
  }

  /** Attempts a series gets: the first plus one per delay. */
  public int maxAttempts() {
    return delays.size() + 1;
  }

  /** The span from the first attempt to the last, without jitter. */
  public Duration span() {
    return delays.stream().reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * When to try again after the {@code failedAttempts}-th failed attempt of a series, or null when
   * that was the last one. {@code retryAfter} (the {@code Retry-After} of a 429 or 503, may be
   * null) replaces the scheduled delay: the endpoint said when it can take the event, between a
   * second and a day. The number of attempts stays bounded either way. {@code random} gives [0, 1).
   */
  public Instant next(int failedAttempts, Instant now, Duration retryAfter, DoubleSupplier random) {
    if (failedAttempts >= maxAttempts()) {
      return null;
    }
    Duration scheduled = delays.get(failedAttempts - 1);
    long millis = scheduled.toMillis();
    long jittered = Math.round(millis * (1 - JITTER + 2 * JITTER * random.getAsDouble()));
    Duration delay = Duration.ofMillis(Math.max(1, jittered));
    if (retryAfter != null) {
      delay = clamp(retryAfter, MIN_RETRY_AFTER, MAX_RETRY_AFTER);
    }
    return now.plus(delay);
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }
}
