package dev.payplatform.payments.rest;

import dev.payplatform.payments.service.PaymentSummary;
import java.util.List;

/** {@code GET /v1/payments/summary}: amounts in minor units of their currency. */
public record PaymentSummaryResponse(
    String object,
    int days,
    String since,
    List<PaymentSummaryDayResponse> byDay,
    List<PaymentSummaryCurrencyResponse> byCurrency,
    Double successRate) {

  public static PaymentSummaryResponse of(PaymentSummary.Summary s, int days) {
    return new PaymentSummaryResponse(
        "payment_summary",
        days,
        s.since().toString(),
        s.days().stream()
            .map(
                d ->
                    new PaymentSummaryDayResponse(
                        d.date().toString(),
                        d.currency(),
                        d.count(),
                        d.succeeded(),
                        d.failed(),
                        d.volume(),
                        d.refunded()))
            .toList(),
        s.totals().stream()
            .map(
                t ->
                    new PaymentSummaryCurrencyResponse(
                        t.currency(),
                        t.count(),
                        t.succeeded(),
                        t.failed(),
                        t.volume(),
                        t.refunded()))
            .toList(),
        s.successRate());
  }
}
