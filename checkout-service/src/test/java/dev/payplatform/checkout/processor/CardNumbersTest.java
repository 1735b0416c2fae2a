package dev.payplatform.checkout.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.checkout.processor.sandbox.SandboxBehaviour;
import dev.payplatform.checkout.processor.sandbox.SandboxCards;
import dev.payplatform.processor.CardDetails;
import dev.payplatform.processor.CardNumbers;
import org.junit.jupiter.api.Test;

/** Luhn, brands, masking, and the test-card table. */
class CardNumbersTest {

  @Test
  void luhn() {
    assertThat(CardNumbers.luhnValid("4242424242424242")).isTrue();
    assertThat(CardNumbers.luhnValid("378282246310005")).isTrue();
    assertThat(CardNumbers.luhnValid("4242424242424241")).isFalse();
    assertThat(CardNumbers.luhnValid("")).isFalse();
    assertThat(CardNumbers.luhnValid("42a2")).isFalse();
  }

  @Test
  void brands() {
    assertThat(CardNumbers.brand("4242424242424242")).isEqualTo("visa");
    assertThat(CardNumbers.brand("5555555555554444")).isEqualTo("mastercard");
    assertThat(CardNumbers.brand("2223003122003222")).isEqualTo("mastercard");
    assertThat(CardNumbers.brand("378282246310005")).isEqualTo("amex");
    assertThat(CardNumbers.brand("6011111111111117")).isEqualTo("discover");
    assertThat(CardNumbers.brand("3566002020360505")).isEqualTo("jcb");
    assertThat(CardNumbers.brand("30569309025904")).isEqualTo("diners");
    assertThat(CardNumbers.brand("9999999999999995")).isEqualTo("unknown");
    assertThat(CardNumbers.cvcLength("amex")).isEqualTo(4);
    assertThat(CardNumbers.cvcLength("visa")).isEqualTo(3);
  }

  @Test
  void anythingThatLooksLikeACardNumberIsMasked() {
    assertThat(CardNumbers.maskAll("paid with 4242424242424242 today"))
        .isEqualTo("paid with ****4242 today");
    assertThat(CardNumbers.maskAll("4242 4242 4242 4242 and 3782-822463-10005"))
        .isEqualTo("****4242 and ****0005");
    // Not Luhn-valid, or too short, or part of a longer number: left alone.
    assertThat(CardNumbers.maskAll("id 4242424242424241")).isEqualTo("id 4242424242424241");
    assertThat(CardNumbers.maskAll("took 1234 ms")).isEqualTo("took 1234 ms");
    assertThat(CardNumbers.maskAll("x12345678901234567890123x"))
        .isEqualTo("x12345678901234567890123x");
  }

  @Test
  void cardDetailsNeverPrintTheNumber() {
    CardDetails card = new CardDetails("4242424242424242", "123", 12, 2030, "Ada");
    assertThat(card.toString()).isEqualTo("CardDetails[visa ****4242]").doesNotContain("123");
    assertThat(card.summary("US", null).last4()).isEqualTo("4242");
  }

  @Test
  void theTestCardTableIsDesignSection5() {
    assertThat(SandboxCards.behaviour("4242424242424242")).contains(SandboxBehaviour.SUCCEEDS);
    assertThat(SandboxCards.behaviour("5555555555554444")).contains(SandboxBehaviour.SUCCEEDS);
    assertThat(SandboxCards.behaviour("378282246310005")).contains(SandboxBehaviour.SUCCEEDS);
    assertThat(SandboxCards.behaviour("4000002760003184"))
        .contains(SandboxBehaviour.CHALLENGE_ALWAYS);
    assertThat(SandboxCards.behaviour("4000002500003155"))
        .contains(SandboxBehaviour.CHALLENGE_ON_SESSION);
    assertThat(SandboxCards.behaviour("4000000000000002").orElseThrow().declineReason())
        .isEqualTo("card_declined");
    assertThat(SandboxCards.behaviour("4000000000009995").orElseThrow().declineReason())
        .isEqualTo("insufficient_funds");
    assertThat(SandboxCards.behaviour("4000000000000069").orElseThrow().declineReason())
        .isEqualTo("expired_card");
    assertThat(SandboxCards.behaviour("4000000000000127").orElseThrow().declineReason())
        .isEqualTo("incorrect_cvc");
    assertThat(SandboxCards.isFraudTestCard("4100000000000019")).isTrue();
    assertThat(SandboxCards.behaviour("4111111111111111")).isEmpty();
  }
}
