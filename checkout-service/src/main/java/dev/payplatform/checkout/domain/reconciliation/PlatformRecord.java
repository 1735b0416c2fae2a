package dev.payplatform.checkout.domain.reconciliation;

import java.time.LocalDate;

/**
 * A purchase or a refund the connector sent to the acquirer (its journal row), with the payment or
 * refund it is on the platform, and what earlier runs already made of it.
 *
 * @param state the journal's: {@code approved}, {@code reversing} or {@code reversed}
 * @param day the business day (UTC) the platform recorded it on
 * @param settledBefore an earlier run accounted for its money (matched or another settling kind)
 * @param inSuspense an earlier run found it missing at the acquirer and put it in suspense
 */
public record PlatformRecord(
    String reference,
    String kind,
    String rrn,
    String authorizationCode,
    long amount,
    String currency,
    String state,
    LocalDate day,
    String merchantId,
    String paymentId,
    String refundId,
    boolean settledBefore,
    boolean inSuspense) {

  public boolean approved() {
    return "approved".equals(state);
  }

  /** The money it moved for the platform: a purchase pays in, a refund pays out. */
  public long signedAmount() {
    return SettlementLine.PURCHASE.equals(kind) ? amount : -amount;
  }
}
