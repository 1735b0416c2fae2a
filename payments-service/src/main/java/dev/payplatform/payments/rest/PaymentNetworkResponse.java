package dev.payplatform.payments.rest;

import dev.payplatform.payments.domain.Payment;

/**
 * A payment's {@code network}: what the card network answered its live charge, the issuer's
 * authorization code (ISO 8583 DE 38), the retrieval reference number (DE 37) and the network
 * response code (DE 39). Null for test-mode payments and before a live charge.
 */
public record PaymentNetworkResponse(
    String authorizationCode, String retrievalReferenceNumber, String responseCode) {

  public static PaymentNetworkResponse of(Payment p) {
    return p.hasNetworkAnswer()
        ? new PaymentNetworkResponse(
            p.networkAuthorizationCode, p.networkRrn, p.networkResponseCode)
        : null;
  }
}
