package dev.payplatform.payments.domain;

import dev.payplatform.commons.state.WireWord;

/** How often automatic payouts run (Stripe's {@code schedule.interval}). */
public enum PayoutInterval implements WireWord {
  MANUAL,
  DAILY,
  WEEKLY,
  MONTHLY;

  public static PayoutInterval parse(String word) {
    return WireWord.parse(PayoutInterval.class, word);
  }
}
