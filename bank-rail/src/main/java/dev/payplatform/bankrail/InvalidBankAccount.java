package dev.payplatform.bankrail;

/**
 * A bank account that cannot receive a payout; {@link #field()} names the request field at fault.
 */
public final class InvalidBankAccount extends RuntimeException {
  private final String field;

  public InvalidBankAccount(String field, String message) {
    super(message);
    this.field = field;
  }

  /** {@code "iban"}, {@code "account_number"} or {@code "routing_number"}. */
  public String field() {
    return field;
  }
}
