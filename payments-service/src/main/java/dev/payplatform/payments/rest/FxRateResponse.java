package dev.payplatform.payments.rest;

import dev.payplatform.payments.domain.FxRate;
import dev.payplatform.payments.service.fees.FeeCalculator;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;

/** A rate as units per USD and its inverse, both decimal strings. */
public record FxRateResponse(
    String currency, String unitsPerUsd, String usdPerUnit, String recordedAt, String source) {
  static FxRateResponse of(FxRate r) {
    BigDecimal units = r.unitsPerUsd.stripTrailingZeros();
    return new FxRateResponse(
        r.currency.strip(),
        units.toPlainString(),
        FeeCalculator.inverse(r.unitsPerUsd).stripTrailingZeros().toPlainString(),
        r.recordedAt.truncatedTo(ChronoUnit.MILLIS).toString(),
        r.source);
  }
}
