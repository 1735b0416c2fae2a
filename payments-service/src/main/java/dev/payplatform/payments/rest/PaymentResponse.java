package dev.payplatform.payments.rest;

import dev.payplatform.payments.domain.Payment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * 000's PaymentResponse, field for field, plus {@code disputed} and {@code dispute_id} (its latest
 * dispute; docs/disputes.md).
 */
public record PaymentResponse(
    String id,
    String amount,
    String currency,
    String description,
    String status,
    List<String> items,
    String customerEmail,
    String returnUrl,
    String paymentMethod,
    String cardLast4,
    String cardBrand,
    PaymentNetworkResponse network,
    String createdAt,
    String updatedAt,
    boolean test,
    boolean disputed,
    String disputeId) {

  public static PaymentResponse of(Payment p) {
    return new PaymentResponse(
        p.id,
        p.money().toDecimalString(),
        p.currency.strip(),
        p.description,
        p.status.publicWord(),
        p.items,
        p.customerEmail,
        p.returnUrl,
        "card",
        p.cardLast4,
        p.cardBrand,
        PaymentNetworkResponse.of(p),
        seconds(p.createdAt),
        seconds(p.updatedAt),
        !p.livemode,
        p.disputeId != null,
        p.disputeId);
  }

  static String seconds(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
