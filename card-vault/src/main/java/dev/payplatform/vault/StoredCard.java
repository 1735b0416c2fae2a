package dev.payplatform.vault;

/**
 * A card opened from the vault for one charge: in memory only, for the connector to send. {@link
 * #toString()} shows brand and last 4 only.
 *
 * @param networkReference the RRN of the on-session charge that stored it (the initial
 *     stored-credential transaction), sent with each merchant-initiated charge
 */
public record StoredCard(
    String token,
    String number,
    int expMonth,
    int expYear,
    String brand,
    String last4,
    String networkReference) {

  @Override
  public String toString() {
    return "StoredCard[" + token + ", " + brand + " ****" + last4 + "]";
  }
}
