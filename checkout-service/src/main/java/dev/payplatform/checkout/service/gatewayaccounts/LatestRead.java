package dev.payplatform.checkout.service.gatewayaccounts;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A value that whole rereads replace, where rereads may finish out of order: one that started
 * earlier never replaces one that started later. Without this, the periodic reread that began just
 * before an operator's new account was committed could finish after the operator's own reread and
 * hide the account until the next one.
 */
final class LatestRead<T> {
  private final AtomicLong started = new AtomicLong();
  private long applied;
  private volatile T value;

  LatestRead(T initial) {
    this.value = initial;
  }

  /** Call before a reread starts; pass what it answers to {@link #offer}. */
  long begin() {
    return started.incrementAndGet();
  }

  /** Keeps {@code read} unless a reread that started later was kept already; says which. */
  synchronized boolean offer(long generation, T read) {
    if (generation < applied) {
      return false;
    }
    applied = generation;
    value = read;
    return true;
  }

  T get() {
    return value;
  }
}
