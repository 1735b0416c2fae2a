package dev.payplatform.bankrail;

import java.util.List;

/**
 * A pain.002: the bank's answer to the pain.001 {@code originalMessageId}. {@code groupStatus} is
 * ACCP, PART, RJCT or ACSC; {@code groupReasonCode} says why a whole file was rejected (e.g. FF01,
 * invalid file format), null otherwise.
 */
public record StatusReport(
    String messageId,
    String originalMessageId,
    String groupStatus,
    List<TransactionStatus> transactions,
    String groupReasonCode) {

  public StatusReport(
      String messageId,
      String originalMessageId,
      String groupStatus,
      List<TransactionStatus> transactions) {
    this(messageId, originalMessageId, groupStatus, transactions, null);
  }
}
