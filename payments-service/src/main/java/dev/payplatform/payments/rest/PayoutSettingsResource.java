package dev.payplatform.payments.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.bankrail.BankAccount;
import dev.payplatform.bankrail.InvalidBankAccount;
import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.payments.domain.PayoutInterval;
import dev.payplatform.payments.domain.PayoutSchedule;
import dev.payplatform.payments.service.payouts.PayoutQueries;
import dev.payplatform.payments.service.payouts.PayoutSettingsUpdate;
import dev.payplatform.payments.service.payouts.PayoutTestClock;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * {@code /v1/payout_settings} (docs/payouts.md): the payout schedule, the bank account payouts go
 * to, and the test-mode payout clock.
 */
@Path("/v1/payout_settings")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
public class PayoutSettingsResource {
  private final PayoutQueries queries;
  private final PayoutSettingsUpdate update;
  private final PayoutTestClock testClock;
  private final MerchantContext merchant;
  private final InstantSource clock;

  public PayoutSettingsResource(
      PayoutQueries queries,
      PayoutSettingsUpdate update,
      PayoutTestClock testClock,
      MerchantContext merchant,
      InstantSource clock) {
    this.queries = queries;
    this.update = update;
    this.testClock = testClock;
    this.merchant = merchant;
    this.clock = clock;
  }

  @GET
  public Uni<PayoutSettingsResponse> get() {
    return queries
        .settings(Tenant.of(merchant))
        .map(s -> PayoutSettingsResponse.of(s, clock.instant()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Cancellable(false)
  public Uni<PayoutSettingsResponse> update(@Valid UpdatePayoutSettingsRequest body) {
    if (body == null || (body.schedule() == null && body.externalAccount() == null)) {
      throw new ValidationFailedException(
          FieldError.body("schedule", "give a schedule, an external_account or both"));
    }
    PayoutSettingsUpdate.Change change =
        new PayoutSettingsUpdate.Change(schedule(body.schedule()), account(body.externalAccount()));
    return update
        .update(Tenant.of(merchant), change)
        .map(s -> PayoutSettingsResponse.of(s, clock.instant()));
  }

  /** Test mode only: {@code {"seconds": N}} or {@code {"to": "ISO-8601"}}. */
  @POST
  @Path("/test_clock/advance")
  @Consumes(MediaType.APPLICATION_JSON)
  @Cancellable(false)
  public Uni<PayoutSettingsResponse> advance(JsonNode body) {
    JsonNode seconds = body == null ? null : body.get("seconds");
    JsonNode to = body == null ? null : body.get("to");
    if ((seconds == null) == (to == null)) {
      throw new ValidationFailedException(
          FieldError.body("seconds", "give either seconds or to (an ISO-8601 time)"));
    }
    if (seconds != null && !seconds.canConvertToLong()) {
      throw new ValidationFailedException(FieldError.body("seconds", "must be an integer"));
    }
    Instant target = null;
    if (to != null) {
      try {
        target = Instant.parse(to.asText());
      } catch (DateTimeException e) {
        throw new ValidationFailedException(
            FieldError.body("to", "must be an ISO-8601 time such as 2026-12-08T00:00:00Z"));
      }
    }
    return testClock
        .advance(Tenant.of(merchant), seconds == null ? null : seconds.asLong(), target)
        .map(s -> PayoutSettingsResponse.of(s, clock.instant()));
  }

  private static PayoutSchedule schedule(UpdatePayoutSettingsRequest.Schedule s) {
    if (s == null) {
      return null;
    }
    PayoutInterval interval = PayoutInterval.parse(s.interval());
    if (interval == PayoutInterval.WEEKLY && s.weeklyAnchor() == null) {
      throw invalid("schedule", "weekly_anchor", "is required for a weekly schedule");
    }
    if (interval == PayoutInterval.MONTHLY && s.monthlyAnchor() == null) {
      throw invalid("schedule", "monthly_anchor", "is required for a monthly schedule");
    }
    return new PayoutSchedule(
        interval,
        s.delayDays() == null ? 2 : s.delayDays(),
        interval == PayoutInterval.WEEKLY
            ? DayOfWeek.valueOf(s.weeklyAnchor().toUpperCase(Locale.ROOT))
            : null,
        interval == PayoutInterval.MONTHLY ? s.monthlyAnchor() : null);
  }

  private static PayoutSettingsUpdate.NewBankAccount account(
      UpdatePayoutSettingsRequest.ExternalAccount a) {
    if (a == null) {
      return null;
    }
    boolean iban = a.iban() != null;
    boolean us = a.accountNumber() != null || a.routingNumber() != null;
    if (iban == us) {
      throw invalid(
          "external_account", "iban", "give an iban, or an account_number and routing_number (US)");
    }
    try {
      BankAccount account =
          iban ? BankAccount.iban(a.iban()) : BankAccount.us(a.accountNumber(), a.routingNumber());
      return new PayoutSettingsUpdate.NewBankAccount(a.accountHolderName().strip(), account);
    } catch (InvalidBankAccount e) {
      throw invalid("external_account", e.field(), e.getMessage());
    }
  }

  private static ValidationFailedException invalid(String parent, String field, String message) {
    return new ValidationFailedException(
        new FieldError(List.of("body", parent, field), message, "value_error"));
  }
}
