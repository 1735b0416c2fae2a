package dev.payplatform.processor;

/**
 * Everything checkout keeps about a card: brand, last 4, expiry, issuing country and a keyed HMAC
 * fingerprint. Never the number or the security code.
 */
public record CardSummary(
    String brand,
    String last4,
    Integer expMonth,
    Integer expYear,
    String country,
    String fingerprint) {

  public CardSummary withFingerprint(String value) {
    return new CardSummary(brand, last4, expMonth, expYear, country, value);
  }
}
