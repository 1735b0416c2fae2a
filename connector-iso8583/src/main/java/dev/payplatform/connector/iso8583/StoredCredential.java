package dev.payplatform.connector.iso8583;

/**
 * The stored-credential indicators of a purchase (docs/connectors.md, the field table): whether the
 * card is typed by the buyer, stored by this charge (the initial, cardholder-initiated
 * transaction), or charged from the vault by the merchant (a recurring, merchant-initiated
 * transaction naming the initial one's RRN).
 *
 * <ul>
 *   <li>DE 22 (POS entry mode): {@code 012} key-entered; {@code 100} credential on file.
 *   <li>DE 48 subelements (tag, two-digit length, value, as Mastercard's DE 48): {@code 21} stored
 *       credential ({@code I} initial storage, {@code S} subsequent use), {@code 22} initiated by
 *       ({@code C} cardholder, {@code M} merchant), {@code 23} merchant-initiated type ({@code R}
 *       recurring), {@code 24} the initial transaction's RRN, and {@code 92} the security code,
 *       when the buyer typed one.
 * </ul>
 */
record StoredCredential(
    String posEntryMode, String storage, String initiator, String mitType, String initialRrn) {

  /** A card the buyer typed, not kept. */
  static final StoredCredential NONE = new StoredCredential("012", null, "C", null, null);

  /** A card the buyer typed, stored by this charge for later merchant-initiated charges. */
  static final StoredCredential INITIAL = new StoredCredential("012", "I", "C", null, null);

  /** A renewal charged from the vault without the buyer. */
  static StoredCredential recurring(String initialRrn) {
    return new StoredCredential("100", "S", "M", "R", initialRrn);
  }

  /** DE 48: the indicators, then the security code (SE 92) when there is one. */
  String additionalData(String cvc) {
    StringBuilder de48 = new StringBuilder();
    element(de48, "21", storage);
    element(de48, "22", initiator);
    element(de48, "23", mitType);
    element(de48, "24", initialRrn);
    element(de48, "92", cvc == null || cvc.isEmpty() ? null : cvc);
    return de48.toString();
  }

  private static void element(StringBuilder de48, String tag, String value) {
    if (value != null) {
      de48.append(tag).append(String.format("%02d", value.length())).append(value);
    }
  }
}
