package dev.payplatform.checkout.rest;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.idempotency.Fingerprinted;
import dev.payplatform.processor.CardDetails;
import dev.payplatform.processor.CardNumbers;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/payments/intent/{id}/confirm}. Every field is checked in one pass
 * ({@link #validate}) so the buyer sees every mistake at once. {@link #toString()} never shows the
 * card number or the security code.
 *
 * @param clientSecret required; the intent's client secret
 * @param cardNumber required; 12-19 digits, spaces and dashes ignored, Luhn-valid
 * @param expMonth required; 1-12 (number or numeric string)
 * @param expYear required; four digits, or two (20xx); month and year not in the past
 * @param cvc required; 3 digits, 4 for American Express
 * @param cardholderName required; at most 100 characters
 * @param email optional; the buyer's email for the receipt
 */
public record ConfirmPaymentIntentRequest(
    String clientSecret,
    @Schema(example = "4242 4242 4242 4242") String cardNumber,
    @Schema(type = SchemaType.INTEGER, example = "12") Object expMonth,
    @Schema(type = SchemaType.INTEGER, example = "2030") Object expYear,
    @Schema(example = "123") String cvc,
    String cardholderName,
    String email)
    implements Fingerprinted {

  private static final Pattern SEPARATORS = Pattern.compile("[ -]");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
  private static final int MAX_YEARS_AHEAD = 25;

  /**
   * What makes a retry the same confirmation for its {@code Idempotency-Key}: the card only by its
   * last four digits, never its number or security code.
   */
  @Override
  public Object fingerprintContent() {
    String digits = cardNumber == null ? "" : SEPARATORS.matcher(cardNumber).replaceAll("");
    String last4 = digits.length() > 4 ? digits.substring(digits.length() - 4) : "";
    return Arrays.asList(
        clientSecret,
        last4,
        String.valueOf(expMonth),
        String.valueOf(expYear),
        cardholderName,
        email);
  }

  /** The card, or a 422 naming every bad field. */
  public CardDetails validate(YearMonth now) {
    List<FieldError> errors = new ArrayList<>();
    if (clientSecret == null || clientSecret.isBlank()) {
      errors.add(FieldError.missing("body", "client_secret"));
    }
    String digits = cardNumber(errors);
    Integer month = number(expMonth, "exp_month", errors);
    Integer year = number(expYear, "exp_year", errors);
    if (month != null && (month < 1 || month > 12)) {
      errors.add(FieldError.body("exp_month", "must be between 1 and 12"));
      month = null;
    }
    if (year != null && year < 100) {
      year += 2000;
    }
    if (year != null && (year < 2000 || year > now.getYear() + MAX_YEARS_AHEAD)) {
      errors.add(FieldError.body("exp_year", "is not a valid expiry year"));
      year = null;
    }
    if (year != null && year < now.getYear()) {
      errors.add(FieldError.body("exp_year", "the card has expired"));
    } else if (year != null && month != null && YearMonth.of(year, month).isBefore(now)) {
      errors.add(FieldError.body("exp_month", "the card has expired"));
    }
    cvc(digits, errors);
    String name = cardholderName == null ? null : cardholderName.strip();
    if (name == null || name.isEmpty()) {
      errors.add(FieldError.missing("body", "cardholder_name"));
    } else if (name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(
          FieldError.body(
              "cardholder_name", "must be at most 100 characters, no control characters"));
    }
    String mail = email();
    if (mail != null && (mail.length() > 254 || !EMAIL.matcher(mail).matches())) {
      errors.add(FieldError.body("email", "must be a valid email address"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    return new CardDetails(digits, cvc, month, year, name);
  }

  /** The buyer's email, trimmed; null when absent or blank. */
  public String email() {
    if (email == null || email.isBlank()) {
      return null;
    }
    return email.strip();
  }

  private String cardNumber(List<FieldError> errors) {
    if (cardNumber == null || cardNumber.isBlank()) {
      errors.add(FieldError.missing("body", "card_number"));
      return null;
    }
    String digits = SEPARATORS.matcher(cardNumber.strip()).replaceAll("");
    if (!DIGITS.matcher(digits).matches()) {
      errors.add(FieldError.body("card_number", "must contain only digits"));
      return null;
    }
    if (digits.length() < 12 || digits.length() > 19) {
      errors.add(FieldError.body("card_number", "must have 12 to 19 digits"));
      return null;
    }
    if (!CardNumbers.luhnValid(digits)) {
      errors.add(FieldError.body("card_number", "is not a valid card number (Luhn check failed)"));
      return null;
    }
    return digits;
  }

  private void cvc(String digits, List<FieldError> errors) {
    if (cvc == null || cvc.isBlank()) {
      errors.add(FieldError.missing("body", "cvc"));
      return;
    }
    int expected = digits == null ? -1 : CardNumbers.cvcLength(CardNumbers.brand(digits));
    boolean wellFormed =
        DIGITS.matcher(cvc).matches()
            && (expected < 0 ? cvc.length() == 3 || cvc.length() == 4 : cvc.length() == expected);
    if (!wellFormed) {
      errors.add(
          FieldError.body(
              "cvc",
              expected == 4
                  ? "must be 4 digits for American Express"
                  : expected == 3 ? "must be 3 digits" : "must be 3 or 4 digits"));
    }
  }

  private static Integer number(Object raw, String field, List<FieldError> errors) {
    if (raw == null) {
      errors.add(FieldError.missing("body", field));
      return null;
    }
    if (raw instanceof Integer i) {
      return i;
    }
    if (raw instanceof String s && s.strip().matches("[0-9]{1,4}")) {
      return Integer.parseInt(s.strip());
    }
    errors.add(new FieldError(List.of("body", field), "must be a whole number", "type_error"));
    return null;
  }

  @Override
  public String toString() {
    return "ConfirmPaymentIntentRequest[card=****, cvc=***]";
  }
}
