package dev.payplatform.acquirer;

import java.time.Instant;

/**
 * One ISO 8583 message the host received or sent, as it keeps it: the card number masked (first
 * six, last four), never the security code.
 *
 * @param direction {@code in} (from the connector) or {@code out} (the host's answer)
 * @param original DE 90 (original data elements) of a reversal or a referenced refund
 */
public record JournaledMessage(
    Instant at,
    String direction,
    String mti,
    String processingCode,
    String stan,
    String transmission,
    String rrn,
    Long amount,
    String currency,
    String maskedPan,
    String terminalId,
    String cardAcceptorId,
    String networkManagementCode,
    String responseCode,
    String authorizationCode,
    String original) {}
