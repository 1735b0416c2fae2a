package dev.payplatform.payments.domain;

/**
 * What the card network answered a live payment's charge, as the API and events show it: the
 * issuer's authorization code (ISO 8583 DE 38), the retrieval reference number (DE 37) and the
 * network response code (DE 39). Null for test-mode payments and before a live charge.
 */
public record NetworkView(
    String authorizationCode, String retrievalReferenceNumber, String responseCode) {

  public static NetworkView of(Payment p) {
    if (p.networkResponseCode == null && p.networkRrn == null) {
      return null;
    }
    return new NetworkView(p.networkAuthorizationCode, p.networkRrn, p.networkResponseCode);
  }
}
