package dev.payplatform.payments.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.payplatform.commons.money.Money;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.service.fees.FeeCalculator;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

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
public record InternalPaymentResponse(
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

  public static InternalPaymentResponse of(Payment p) {
    String currency = p.currency.strip();
    String netCurrency = p.netCurrency == null ? null : p.netCurrency.strip();
    String localCurrency = p.localCurrency == null ? currency : p.localCurrency.strip();
    return new InternalPaymentResponse(
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

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Minor units as a decimal number with at least one decimal place: 10000 USD → 100.0. */
  private static BigDecimal decimal(long minor, String currency) {
    int exponent = Money.exponent(Currency.getInstance(currency));
    return atLeastOneDecimal(BigDecimal.valueOf(minor, exponent));
  }

  private static BigDecimal rate(BigDecimal rate) {
    return rate == null ? null : atLeastOneDecimal(rate);
  }

  private static BigDecimal atLeastOneDecimal(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
  }

  private static String blankIfNull(String value) {
    return value == null ? "" : value;
  }
}
