package dev.payplatform.bankrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BankAccountTest {
  @Test
  void anIbanIsNormalisedAndItsCountryIsItsFirstTwoLetters() {
    BankAccount account = BankAccount.iban(" de89 3704 0044 0532 0130 00 ");

    assertThat(account.iban()).isEqualTo("DE89370400440532013000");
    assertThat(account.country()).isEqualTo("DE");
    assertThat(account.last4()).isEqualTo("3000");
    assertThat(account.routingNumber()).isNull();
  }

  @Test
  void anIbanWithWrongCheckDigitsIsRefusedNamingTheIbanField() {
    assertThatThrownBy(() -> BankAccount.iban("DE89370400440532013001"))
        .isInstanceOf(InvalidBankAccount.class)
        .extracting(e -> ((InvalidBankAccount) e).field())
        .isEqualTo("iban");
    assertThatThrownBy(() -> BankAccount.iban("XX00")).isInstanceOf(InvalidBankAccount.class);
    assertThatThrownBy(() -> BankAccount.iban(null)).isInstanceOf(InvalidBankAccount.class);
  }

  @Test
  void aUsAccountNeedsARoutingNumberWhoseAbaChecksumHolds() {
    BankAccount account = BankAccount.us("000123456789", "110000000");

    assertThat(account.country()).isEqualTo("US");
    assertThat(account.last4()).isEqualTo("6789");
    assertThat(BankAccount.abaChecksumHolds("021000021")).isTrue();
    assertThat(BankAccount.abaChecksumHolds("011000015")).isTrue();
    assertThat(BankAccount.abaChecksumHolds("021000022")).isFalse();
    assertThat(BankAccount.abaChecksumHolds("12345678")).isFalse();
    assertThatThrownBy(() -> BankAccount.us("000123456789", "110000001"))
        .isInstanceOf(InvalidBankAccount.class)
        .extracting(e -> ((InvalidBankAccount) e).field())
        .isEqualTo("routing_number");
  }

  @Test
  void aUsAccountNumberIsFourToSeventeenDigits() {
    assertThatThrownBy(() -> BankAccount.us("123", "110000000"))
        .isInstanceOf(InvalidBankAccount.class)
        .extracting(e -> ((InvalidBankAccount) e).field())
        .isEqualTo("account_number");
    assertThatThrownBy(() -> BankAccount.us("1".repeat(18), "110000000"))
        .isInstanceOf(InvalidBankAccount.class);
    assertThatThrownBy(() -> BankAccount.us("12a4", "110000000"))
        .isInstanceOf(InvalidBankAccount.class);
    assertThat(BankAccount.us("1234", "110000000").accountNumber()).isEqualTo("1234");
  }
}
