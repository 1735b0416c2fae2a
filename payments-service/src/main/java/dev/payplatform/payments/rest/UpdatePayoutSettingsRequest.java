package dev.payplatform.payments.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/payout_settings}: the schedule and/or the bank account (an IBAN, or a US account
 * and routing number); what is left out stays as it is.
 */
public record UpdatePayoutSettingsRequest(
    @Valid Schedule schedule, @Valid ExternalAccount externalAccount) {

  /** Stripe's {@code settings.payouts.schedule}. */
  public record Schedule(
      @NotBlank(message = "field required")
          @Pattern(
              regexp = "manual|daily|weekly|monthly",
              message = "must be one of manual, daily, weekly, monthly")
          String interval,
      @Min(value = 1, message = "must be 1 to 30") @Max(value = 30, message = "must be 1 to 30")
          Integer delayDays,
      @Pattern(
              regexp = "monday|tuesday|wednesday|thursday|friday|saturday|sunday",
              message = "must be a weekday in lower case, such as monday")
          String weeklyAnchor,
      @Min(value = 1, message = "must be 1 to 31") @Max(value = 31, message = "must be 1 to 31")
          Integer monthlyAnchor) {}

  /** The bank account payouts go to. */
  public record ExternalAccount(
      @NotBlank(message = "field required")
          @Size(max = 70, message = "must be at most 70 characters")
          String accountHolderName,
      String iban,
      String accountNumber,
      String routingNumber) {}
}
