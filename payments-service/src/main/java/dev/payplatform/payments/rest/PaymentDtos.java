package dev.payplatform.payments.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.payplatform.commons.money.Money;
import dev.payplatform.payments.domain.NetworkView;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.service.FeeCalculator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;

/** Request and response bodies of /v1/payments (api-docs 000 and 001). */
public final class PaymentDtos {
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private PaymentDtos() {}

  /** POST /v1/payments/: every field is required (000 and 001 agree). */
  public record CreatePaymentRequest(
      @NotBlank @Size(max = 32, message = "must be at most 32 characters") String amount,
      @NotBlank @Size(max = 1000, message = "must be at most 1000 characters") String description,
      @NotBlank String currency,
      @NotNull @Size(min = 1, max = 100, message = "must list between 1 and 100 items")
          List<
                  @NotBlank(message = "must not be blank")
                  @Size(max = 250, message = "must be at most 250 characters") String>
              items,
      @NotBlank @Size(max = 2048, message = "must be at most 2048 characters") String returnUrl) {}

  /** The documented 202: {@code {"code":202,"title":…,"content":…,"data":{…}}}. */
  public record ActionRequired(int code, String title, String content, Data data) {
    public record Data(String idPayment, String redirect) {}

    public static ActionRequired redirect(String paymentId, String redirect) {
      return new ActionRequired(
          202,
          "Action required",
          "Show the checkout page to complete payment.",
          new Data(paymentId, redirect));
    }
  }

  /** 000's PaymentResponse, field for field. */
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
      NetworkView network,
      String createdAt,
      String updatedAt,
      boolean test) {

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
          NetworkView.of(p),
          seconds(p.createdAt),
          seconds(p.updatedAt),
          !p.livemode);
    }
  }

  /** 001's internal listing: numeric money, fee, net and the FX rates frozen at completion. */
  @JsonPropertyOrder({
    "id",
    "product",
    "customer",
    "amount",
    "fee",
    "currency",
    "description",
    "statement_description",
    "status",
    "capture",
    "created_on",
    "refund",
    "captured",
    "test",
    "card_last4",
    "card_exp_month",
    "card_exp_year",
    "card_country",
    "card_brand",
    "exchange_usd_to_payout",
    "exchange_original_payout_to_usd",
    "exchange_usd_to_local",
    "exchange_original_local_to_usd",
    "currency_local",
    "net",
    "net_currency"
  })
  public record InternalPayment(
      String id,
      String product,
      String customer,
      BigDecimal amount,
      BigDecimal fee,
      String currency,
      String description,
      String statementDescription,
      String status,
      boolean capture,
      String createdOn,
      BigDecimal refund,
      String captured,
      boolean test,
      String cardLast4,
      String cardExpMonth,
      String cardExpYear,
      String cardCountry,
      String cardBrand,
      BigDecimal exchangeUsdToPayout,
      BigDecimal exchangeOriginalPayoutToUsd,
      BigDecimal exchangeUsdToLocal,
      BigDecimal exchangeOriginalLocalToUsd,
      String currencyLocal,
      BigDecimal net,
      String netCurrency) {

    public static InternalPayment of(Payment p) {
      String currency = p.currency.strip();
      String netCurrency = p.netCurrency == null ? null : p.netCurrency.strip();
      String localCurrency = p.localCurrency == null ? currency : p.localCurrency.strip();
      return new InternalPayment(
          p.id,
          "payment".equals(p.purpose) ? null : p.reference,
          p.customerId,
          decimal(p.amount, currency),
          p.fee == null ? null : decimal(p.fee, netCurrency),
          currency,
          p.description,
          p.statementDescriptor,
          p.status.internalWord(),
          true,
          p.createdAt == null ? null : MICROS.format(p.createdAt),
          p.refundedTotal > 0 ? decimal(p.refundedTotal, currency) : null,
          p.completedAt == null ? null : MICROS.format(p.completedAt),
          !p.livemode,
          blankIfNull(p.cardLast4),
          blankIfNull(p.cardExpMonth),
          blankIfNull(p.cardExpYear),
          blankIfNull(p.cardCountry),
          blankIfNull(p.cardBrand),
          rate(p.fxSettlementUnitsPerUsd),
          rate(FeeCalculator.inverse(p.fxSettlementUnitsPerUsd)),
          rate(p.fxLocalUnitsPerUsd),
          rate(FeeCalculator.inverse(p.fxLocalUnitsPerUsd)),
          localCurrency,
          p.net == null ? null : decimal(p.net, netCurrency),
          netCurrency);
    }
  }

  /** Minor units as a decimal number with at least one decimal place: 10000 USD → 100.0. */
  static BigDecimal decimal(long minor, String currency) {
    int exponent = Money.exponent(Currency.getInstance(currency));
    return atLeastOneDecimal(BigDecimal.valueOf(minor, exponent));
  }

  static BigDecimal rate(BigDecimal rate) {
    return rate == null ? null : atLeastOneDecimal(rate);
  }

  private static BigDecimal atLeastOneDecimal(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
  }

  private static String blankIfNull(String value) {
    return value == null ? "" : value;
  }

  static String seconds(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code GET /v1/payments/summary}: amounts in minor units of their currency. */
  public record SummaryView(
      String object,
      int days,
      String since,
      List<DayView> byDay,
      List<CurrencyView> byCurrency,
      Double successRate) {

    public record DayView(
        String date,
        String currency,
        long count,
        long succeeded,
        long failed,
        long volume,
        long refunded) {}

    public record CurrencyView(
        String currency, long count, long succeeded, long failed, long volume, long refunded) {}

    public static SummaryView of(
        dev.payplatform.payments.service.PaymentSummary.Summary s, int days) {
      return new SummaryView(
          "payment_summary",
          days,
          s.since().toString(),
          s.days().stream()
              .map(
                  d ->
                      new DayView(
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
                      new CurrencyView(
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
}
