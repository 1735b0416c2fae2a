package dev.payplatform.processor;

/**
 * What the card network said about a live charge, shown to the merchant: the issuer's authorization
 * code (ISO 8583 DE 38), the retrieval reference number (DE 37) and the response code (DE 39).
 */
public record NetworkDetails(
    String authorizationCode, String retrievalReferenceNumber, String responseCode) {}
