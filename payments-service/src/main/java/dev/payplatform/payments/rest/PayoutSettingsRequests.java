package dev.payplatform.payments.rest;

import dev.payplatform.bankrail.BankAccount;
import dev.payplatform.bankrail.InvalidBankAccount;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.payments.domain.PayoutInterval;
import dev.payplatform.payments.domain.PayoutSchedule;
import dev.payplatform.payments.service.payouts.PayoutSettingsUpdate;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;

/** A payout-settings request (the merchant's or the operator's) as the change it asks for. */
final class PayoutSettingsRequests {
  private PayoutSettingsRequests() {}

  static PayoutSettingsUpdate.Change change(UpdatePayoutSettingsRequest body) {
    if (body == null || (body.schedule() == null && body.externalAccount() == null)) {
      throw new ValidationFailedException(
          FieldError.body("schedule", "give a schedule, an external_account or both"));
    }
    return new PayoutSettingsUpdate.Change(
        schedule(body.schedule()), account(body.externalAccount()));
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
