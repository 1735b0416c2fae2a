package dev.payplatform.events.domain;

import dev.payplatform.commons.errors.DomainException;
import java.time.Duration;

/**
 * The merchant (in this mode) has used its resends of the current window ({@code
 * events.webhooks.resend-limit} per {@code events.webhooks.resend-window}); the next window starts
 * in {@code retryAfterSeconds}.
 */
public class ResendLimitReached extends DomainException {
  private final int limit;
  private final Duration window;
  private final long retryAfterSeconds;

  public ResendLimitReached(int limit, Duration window, long retryAfterSeconds) {
    super("Too many resends: at most " + limit + " per " + window);
    this.limit = limit;
    this.window = window;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int limit() {
    return limit;
  }

  public Duration window() {
    return window;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
