package dev.payplatform.payments.rest;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.payments.service.fees.FxRates;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The operator API for exchange rates (docs/payments.md, "FX rates"). Guarded by {@link
 * PaymentsAdminFilter}; every update is a new row, so the history stays.
 */
@Path("/admin/fx-rates")
@Produces(MediaType.APPLICATION_JSON)
public class AdminFxRatesResource {
  private static final Pattern RATE = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,12})?");
  private static final BigDecimal MAX_UNITS_PER_USD = new BigDecimal("1000000000000");

  private final FxRates rates;

  public AdminFxRatesResource(FxRates rates) {
    this.rates = rates;
  }

  /** The current rate of every currency, by code. */
  @GET
  public Uni<Page<FxRateResponse>> current(
      @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
    PageRequest page = PageRequest.parse(limit, offset);
    return rates
        .current(page)
        .map(
            c ->
                new Page<>(
                    c.rates().stream().map(FxRateResponse::of).toList(),
                    c.total(),
                    page.limit(),
                    page.offset()));
  }

  /** Every recorded rate of one currency, newest first. */
  @GET
  @Path("/{currency}/history")
  public Uni<Page<FxRateResponse>> history(
      @PathParam("currency") String currency,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    String code = Money.parseCurrency(currency, "path", "currency").getCurrencyCode();
    PageRequest page = PageRequest.parse(limit, offset);
    return rates
        .historyCount(code)
        .chain(
            total ->
                rates
                    .history(code, page)
                    .map(
                        list ->
                            new Page<>(
                                list.stream().map(FxRateResponse::of).toList(),
                                total,
                                page.limit(),
                                page.offset())));
  }

  /** Records a new current rate; payments completed earlier keep the rates they froze. */
  @PUT
  @Path("/{currency}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<FxRateResponse> update(
      @PathParam("currency") String currency, @Valid @NotNull UpdateFxRateRequest body) {
    String code = Money.parseCurrency(currency, "path", "currency").getCurrencyCode();
    BigDecimal units = parseRate(body.unitsPerUsd());
    if (code.equals("USD") && units.compareTo(BigDecimal.ONE) != 0) {
      throw new ValidationFailedException(
          FieldError.body("units_per_usd", "USD is 1 unit per USD by definition"));
    }
    String source =
        body.source() == null || body.source().isBlank() ? "operator" : body.source().strip();
    return rates.record(code, units, source).map(FxRateResponse::of);
  }

  private static BigDecimal parseRate(String raw) {
    if (!RATE.matcher(raw).matches()) {
      throw new ValidationFailedException(
          FieldError.body(
              "units_per_usd",
              "must be a positive decimal string with at most 12 decimals, such as \"520.15\""));
    }
    BigDecimal value = new BigDecimal(raw);
    if (value.signum() <= 0 || value.compareTo(MAX_UNITS_PER_USD) >= 0) {
      throw new ValidationFailedException(
          FieldError.body("units_per_usd", "must be greater than 0 and below 10^12"));
    }
    return value;
  }
}
