package dev.payplatform.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.payments.domain.JournalEntry.RefundFee;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {
  private static Payment payment(
      long amount, String currency, long settled, long fee, String netCurrency) {
    Payment p = new Payment();
    p.id = "pay_0123456789abcdefghijkl";
    p.merchantId = "mer_1";
    p.livemode = false;
    p.amount = amount;
    p.currency = currency;
    p.settledAmount = settled;
    p.fee = fee;
    p.net = settled - fee;
    p.netCurrency = netCurrency;
    p.fxPaymentUnitsPerUsd = new BigDecimal("0.86");
    p.fxSettlementUnitsPerUsd = BigDecimal.ONE;
    return p;
  }

  @Test
  void aChargeCreditsNetAndFeeAgainstClearing() {
    JournalEntry e =
        JournalEntry.charge(payment(4999, "USD", 4999, 175, "USD"), Instant.EPOCH, false);
    assertThat(e.postings())
        .containsExactlyInAnyOrder(
            new Posting("processor:test:USD:clearing", "USD", 4999),
            new Posting("merchant:mer_1:test:USD:pending", "USD", -4824),
            new Posting("platform:test:USD:fees", "USD", -175));
    assertThat(e.exchangeRate()).isNull();
  }

  @Test
  void anFxChargeRecordsWhatTheBuyerPaidAndTheFrozenRate() {
    JournalEntry e =
        JournalEntry.charge(payment(1000, "EUR", 1163, 64, "USD"), Instant.EPOCH, false);
    assertThat(e.currency()).isEqualTo("USD");
    assertThat(e.originalAmount()).isEqualTo(1000);
    assertThat(e.originalCurrency()).isEqualTo("EUR");
    assertThat(e.exchangeRate()).isEqualByComparingTo("1.16279069767");
  }

  @Test
  void theSharesOfAFullRefundInPiecesAddUpToTheSettledAmountExactly() {
    Payment p = payment(1000, "EUR", 1163, 64, "USD");
    long total = 0;
    long before = 0;
    for (long piece : List.of(333L, 333L, 1L, 333L)) {
      JournalEntry e =
          JournalEntry.refund(p, "re_" + piece + before, before, before + piece, RefundFee.KEEP);
      total += -e.amount();
      before += piece;
    }
    assertThat(total).isEqualTo(1163);
  }

  @Test
  void returningTheFeeSplitsTheRefundBetweenMerchantAndPlatform() {
    JournalEntry e =
        JournalEntry.refund(
            payment(4999, "USD", 4999, 175, "USD"), "re_1", 0, 1000, RefundFee.RETURN);
    assertThat(e.postings())
        .containsExactlyInAnyOrder(
            new Posting("processor:test:USD:clearing", "USD", -1000),
            new Posting("merchant:mer_1:test:USD:available", "USD", 965),
            new Posting("platform:test:USD:fees", "USD", 35));
    assertThat(e.net()).isEqualTo(-965);
  }

  @Test
  void anEntryThatDoesNotBalanceCannotBeBuilt() {
    assertThatThrownBy(
            () ->
                new JournalEntry(
                    "x",
                    "m",
                    false,
                    "adjustment",
                    "pay_x",
                    "USD",
                    1,
                    0,
                    1,
                    null,
                    null,
                    null,
                    null,
                    List.of(new Posting("a", "USD", 1), new Posting("b", "USD", -2))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChargebackAndItsFeeLeaveAvailableAndAWinPutsTheAmountBack() {
    Payment p = payment(4999, "USD", 4999, 175, "USD");
    Dispute d = DisputeStatusTest.dispute(DisputeStatus.NEEDS_RESPONSE);
    d.merchantId = p.merchantId;
    d.feeCurrency = "USD";
    JournalEntry withdrawn = DisputeEntries.withdrawal(p, d, 4999);
    assertThat(withdrawn.postings())
        .containsExactlyInAnyOrder(
            new Posting("merchant:mer_1:test:USD:available", "USD", 4999),
            new Posting("processor:test:USD:chargebacks", "USD", -4999));
    assertThat(withdrawn.net()).isEqualTo(-4999);
    JournalEntry fee = DisputeEntries.fee(p, d, 1500);
    assertThat(fee.postings())
        .containsExactlyInAnyOrder(
            new Posting("merchant:mer_1:test:USD:available", "USD", 1500),
            new Posting("platform:test:USD:fees", "USD", -1500));
    assertThat(fee.amount()).isZero();
    assertThat(fee.net()).isEqualTo(-1500);
    JournalEntry kept = DisputeEntries.reversal(d, 4999, 0);
    assertThat(kept.postings())
        .containsExactlyInAnyOrder(
            new Posting("processor:test:USD:chargebacks", "USD", 4999),
            new Posting("merchant:mer_1:test:USD:available", "USD", -4999));
    JournalEntry returned = DisputeEntries.reversal(d, 4999, 1500);
    assertThat(returned.net()).isEqualTo(6499);
    assertThat(returned.postings()).contains(new Posting("platform:test:USD:fees", "USD", 1500));
  }
}
