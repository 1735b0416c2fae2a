package dev.payplatform.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.checkout.domain.reconciliation.PlatformRecord;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationKind;
import dev.payplatform.checkout.domain.reconciliation.SettlementLine;
import dev.payplatform.checkout.domain.reconciliation.SettlementMatching;
import dev.payplatform.checkout.domain.reconciliation.SettlementMatching.Finding;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementMatchingTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

  private static SettlementLine line(String type, String rrn, long amount, String currency) {
    return line(type, rrn, amount, currency, "A" + rrn, 0);
  }

  private static SettlementLine line(
      String type, String rrn, long amount, String currency, String auth, int n) {
    return new SettlementLine(
        "acct|" + DAY + "|" + type + "|" + rrn + "|" + n, DAY, type, rrn, auth, amount, currency);
  }

  private static PlatformRecord purchase(String rrn, long amount, String state, LocalDate day) {
    return new PlatformRecord(
        "ref-" + rrn,
        "purchase",
        rrn,
        "A" + rrn,
        amount,
        "USD",
        state,
        day,
        "mer_1",
        "pay_" + rrn,
        null,
        false,
        false);
  }

  private static PlatformRecord refund(String rrn, long amount) {
    return new PlatformRecord(
        "ref-" + rrn,
        "refund",
        rrn,
        "A" + rrn,
        amount,
        "USD",
        "approved",
        DAY,
        "mer_1",
        "pay_x",
        "re_" + rrn,
        false,
        false);
  }

  private static List<ReconciliationKind> kinds(List<Finding> findings) {
    return findings.stream().map(Finding::kind).toList();
  }

  @Test
  void aPurchaseAndARefundThatAgreeAreMatched() {
    List<Finding> found =
        SettlementMatching.match(
            DAY,
            List.of(line("purchase", "1", 4999, "USD"), line("refund", "2", 1000, "USD")),
            List.of(purchase("1", 4999, "approved", DAY), refund("2", 1000)));
    assertThat(kinds(found))
        .containsExactly(ReconciliationKind.MATCHED, ReconciliationKind.MATCHED);
    assertThat(found).allMatch(f -> f.line() != null && f.record() != null);
  }

  @Test
  void aPurchaseReversedOnBothSidesIsReversedNotADifference() {
    List<Finding> found =
        SettlementMatching.match(
            DAY,
            List.of(line("purchase", "1", 4999, "USD"), line("reversal", "1", 4999, "USD")),
            List.of(purchase("1", 4999, "reversed", DAY)));
    assertThat(kinds(found))
        .containsExactly(ReconciliationKind.REVERSED, ReconciliationKind.REVERSED);
    assertThat(found).noneMatch(f -> f.kind().difference());
  }

  @Test
  void eachDifferenceHasItsKind() {
    List<Finding> found =
        SettlementMatching.match(
            DAY,
            List.of(
                line("purchase", "9", 500, "USD"),
                line("purchase", "2", 1234, "USD"),
                line("purchase", "3", 700, "EUR"),
                line("purchase", "4", 800, "USD", "OTHER", 0),
                line("purchase", "5", 900, "USD"),
                line("purchase", "5", 900, "USD", "A5", 1),
                line("purchase", "6", 300, "USD")),
            List.of(
                purchase("1", 4999, "approved", DAY),
                purchase("2", 2000, "approved", DAY),
                purchase("3", 700, "approved", DAY),
                purchase("4", 800, "approved", DAY),
                purchase("5", 900, "approved", DAY),
                purchase("6", 300, "approved", DAY.minusDays(1))));
    assertThat(kinds(found))
        .containsExactly(
            ReconciliationKind.MISSING_ON_PLATFORM,
            ReconciliationKind.AMOUNT_MISMATCH,
            ReconciliationKind.CURRENCY_MISMATCH,
            ReconciliationKind.AUTHORIZATION_MISMATCH,
            ReconciliationKind.MATCHED,
            ReconciliationKind.DUPLICATED,
            ReconciliationKind.LATE,
            ReconciliationKind.MISSING_AT_ACQUIRER);
    assertThat(found.get(7).record().rrn()).isEqualTo("1");
  }

  @Test
  void aChargeTheAcquirerReversedButThePlatformKeptIsMissingAtTheAcquirer() {
    List<Finding> found =
        SettlementMatching.match(
            DAY,
            List.of(line("purchase", "1", 4999, "USD"), line("reversal", "1", 4999, "USD")),
            List.of(purchase("1", 4999, "approved", DAY)));
    assertThat(kinds(found))
        .containsExactly(ReconciliationKind.MISSING_AT_ACQUIRER, ReconciliationKind.REVERSED);
  }

  @Test
  void aChargeThePlatformReversedButTheAcquirerSettledIsMissingOnThePlatform() {
    List<Finding> found =
        SettlementMatching.match(
            DAY,
            List.of(line("purchase", "1", 4999, "USD")),
            List.of(purchase("1", 4999, "reversed", DAY)));
    assertThat(kinds(found)).containsExactly(ReconciliationKind.MISSING_ON_PLATFORM);
  }

  @Test
  void aRecordSettledByAnEarlierRunIsADuplicateAndNotMissing() {
    PlatformRecord settled =
        new PlatformRecord(
            "ref-1",
            "purchase",
            "1",
            "A1",
            4999,
            "USD",
            "approved",
            DAY,
            "mer_1",
            "pay_1",
            null,
            true,
            false);
    assertThat(kinds(SettlementMatching.match(DAY, List.of(), List.of(settled)))).isEmpty();
    assertThat(
            kinds(
                SettlementMatching.match(
                    DAY, List.of(line("purchase", "1", 4999, "USD", "A1", 1)), List.of(settled))))
        .containsExactly(ReconciliationKind.DUPLICATED);
  }

  @Test
  void aRecordInSuspenseThatTurnsUpLateIsSettledOutOfSuspense() {
    PlatformRecord inSuspense =
        new PlatformRecord(
            "ref-1",
            "purchase",
            "1",
            "A1",
            4999,
            "USD",
            "approved",
            DAY.minusDays(1),
            "mer_1",
            "pay_1",
            null,
            false,
            true);
    List<Finding> found =
        SettlementMatching.match(
            DAY, List.of(line("purchase", "1", 4999, "USD")), List.of(inSuspense));
    assertThat(kinds(found)).containsExactly(ReconciliationKind.LATE);
    assertThat(found.get(0).fromSuspense()).isTrue();
    // Not missing a second time on its own day either.
    assertThat(SettlementMatching.match(DAY.minusDays(1), List.of(), List.of(inSuspense)))
        .isEmpty();
  }

  @Test
  void aRecordOfAnotherDayThatNoLineNamesIsNotMissingToday() {
    assertThat(
            SettlementMatching.match(
                DAY, List.of(), List.of(purchase("1", 4999, "approved", DAY.minusDays(1)))))
        .isEmpty();
  }

  @Test
  void aDifferenceResolvesOnceAndAMatchedItemNever() {
    dev.payplatform.checkout.domain.reconciliation.ReconciliationRun run =
        new dev.payplatform.checkout.domain.reconciliation.ReconciliationRun();
    run.id = "rcn_1";
    run.gatewayAccountId = "acct_1";
    run.businessDay = DAY;
    dev.payplatform.checkout.domain.reconciliation.ReconciliationItem open =
        dev.payplatform.checkout.domain.reconciliation.ReconciliationItem.of(
            "rci_1",
            run,
            new Finding(
                ReconciliationKind.MISSING_ON_PLATFORM,
                line("purchase", "1", 5, "USD"),
                null,
                false),
            java.time.Instant.EPOCH);
    open.resolve("ops", "looked", java.time.Instant.EPOCH);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> open.resolve("ops", "again", java.time.Instant.EPOCH))
        .isInstanceOf(dev.payplatform.commons.errors.IllegalTransition.class);
    dev.payplatform.checkout.domain.reconciliation.ReconciliationItem matched =
        dev.payplatform.checkout.domain.reconciliation.ReconciliationItem.of(
            "rci_2",
            run,
            new Finding(
                ReconciliationKind.MATCHED,
                line("purchase", "2", 5, "USD"),
                purchase("2", 5, "approved", DAY),
                false),
            java.time.Instant.EPOCH);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> matched.resolve("ops", "no", java.time.Instant.EPOCH))
        .isInstanceOf(dev.payplatform.commons.errors.IllegalTransition.class);
  }
}
