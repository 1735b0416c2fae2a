package dev.payplatform.payments.messaging;

import dev.payplatform.commons.messaging.EventPayload;

/**
 * {@code reconciliation_item.created} on {@code checkout.events} (key = item id): what checkout's
 * reconciliation found for one settlement report line or journal record (docs/connectors.md).
 * Amounts are positive, as the report and the journal state them; {@code line_type} and {@code
 * record_kind} ({@code purchase} pays in, {@code refund} and {@code reversal} pay out) give the
 * direction.
 */
public record ReconciliationItemEvent(
    String id,
    String kind,
    String businessDay,
    String rrn,
    String lineType,
    Long acquirerAmount,
    String acquirerCurrency,
    String recordKind,
    String platformDay,
    Long platformAmount,
    String platformCurrency,
    String paymentId,
    String refundId,
    Boolean fromSuspense)
    implements EventPayload {

  @Override
  public String problem() {
    if (id == null || id.isBlank()) {
      return "id is missing";
    }
    if (kind == null || businessDay == null) {
      return "kind or business_day is missing";
    }
    if (acquirerAmount != null && !EventPayload.isCurrencyCode(acquirerCurrency)) {
      return "acquirer_currency is not an ISO-4217 code";
    }
    if (settlesRecord() && (paymentId == null || platformDay == null || platformAmount == null)) {
      return kind + " needs the record's payment_id, platform_day and platform_amount";
    }
    if ("refund".equals(recordKind) && settlesRecord() && refundId == null) {
      return kind + " of a refund needs refund_id";
    }
    return null;
  }

  /**
   * The kinds that account for a record's money in clearing (matched, late, the mismatches, missing
   * at the acquirer); {@code reversed}, {@code missing_on_platform} and {@code duplicated} do not.
   */
  public boolean settlesRecord() {
    return recordKind != null
        && !"reversed".equals(kind)
        && !"missing_on_platform".equals(kind)
        && !"duplicated".equals(kind);
  }

  public long acquirerSigned() {
    return "purchase".equals(lineType) ? acquirerAmount : -acquirerAmount;
  }

  public long platformSigned() {
    return "purchase".equals(recordKind) ? platformAmount : -platformAmount;
  }

  /** The ledger entry whose clearing posting this record's money is in. */
  public String recordEntryKey() {
    return "purchase".equals(recordKind) ? "charge:" + paymentId : "refund:" + refundId;
  }

  /** The source of that entry (a payment or a refund id). */
  public String recordSource() {
    return "purchase".equals(recordKind) ? paymentId : refundId;
  }
}
