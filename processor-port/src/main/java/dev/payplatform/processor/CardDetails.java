package dev.payplatform.processor;

import java.util.Objects;

/**
 * A card as the buyer typed it, validated. It lives only in memory for one authorization: it is
 * never persisted, logged or put in an event ({@link #toString()} shows brand and last 4 only), and
 * the processor receives it only inside {@link CardProcessor#authorize}.
 */
public final class CardDetails {
  private final String number;
  private final String cvc;
  private final int expMonth;
  private final int expYear;
  private final String holderName;
  private final String brand;

  public CardDetails(String number, String cvc, int expMonth, int expYear, String holderName) {
    this.number = Objects.requireNonNull(number);
    this.cvc = Objects.requireNonNull(cvc);
    this.expMonth = expMonth;
    this.expYear = expYear;
    this.holderName = holderName;
    this.brand = CardNumbers.brand(number);
  }

  /** The digits of the card number. For the processor and the fingerprint only. */
  public String number() {
    return number;
  }

  /** The security code. For the processor only. */
  public String cvc() {
    return cvc;
  }

  public int expMonth() {
    return expMonth;
  }

  public int expYear() {
    return expYear;
  }

  public String holderName() {
    return holderName;
  }

  public String brand() {
    return brand;
  }

  public String last4() {
    return number.substring(number.length() - 4);
  }

  /** What may be kept: brand, last 4 and expiry (country and fingerprint come from elsewhere). */
  public CardSummary summary(String country, String fingerprint) {
    return new CardSummary(brand, last4(), expMonth, expYear, country, fingerprint);
  }

  @Override
  public String toString() {
    return "CardDetails[" + brand + " ****" + last4() + "]";
  }
}
