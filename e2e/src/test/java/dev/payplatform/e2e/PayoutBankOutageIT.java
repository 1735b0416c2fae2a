package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's payout case (docs/payouts.md): the bank's SFTP server is down for a business
 * day. The day's automatic payout is made and waits in pending while every attempt to send it
 * fails; once the server is back it goes, once: one pain.001 with it reaches the bank, the bank
 * answers it once, and it is paid.
 */
class PayoutBankOutageIT {
  private static final Path BANK_IN = Platform.STATE.resolve("bank/sftp/payouts/in");

  @AfterEach
  void bankBackUp() {
    FaultTools.shell(
        60, "bash", Platform.ROOT.resolve("deploy/local/platform").toString(), "bank", "up");
  }

  @Test
  void theBanksSftpDownForADayHoldsThePayoutWhichThenGoesOnceNeverTwice() throws Exception {
    Platform.Merchant m = Platform.newMerchant("Payout Outage Store");
    PayoutsEndToEndIT.settings(
            m,
            Map.of(
                "schedule",
                Map.of("interval", "daily", "delay_days", 1),
                "external_account",
                Map.of(
                    "account_holder_name",
                    "Outage Store GmbH",
                    "iban",
                    PayoutsEndToEndIT.BOOKED_IBAN)))
        .then()
        .statusCode(200);
    PayoutsEndToEndIT.startAtNoon(m);
    DisputesEndToEndIT.pay(m, Cards.VISA);
    DisputesEndToEndIT.awaitAvailable(m, 4824);

    FaultTools.shell(
        60, "bash", Platform.ROOT.resolve("deploy/local/platform").toString(), "bank", "down");
    PayoutsEndToEndIT.advanceDays(m, 1);
    List<Map<String, Object>> made = PayoutsEndToEndIT.payouts(m);
    assertThat(made).hasSize(1);
    String id = (String) made.get(0).get("id");

    // Several send passes fail meanwhile; the payout waits.
    await()
        .pollDelay(Duration.ofSeconds(12))
        .atMost(Duration.ofSeconds(20))
        .until(() -> "pending".equals(PayoutsEndToEndIT.payouts(m).get(0).get("status")));
    String attempts =
        FaultTools.psql(
                "payments",
                "select b.attempts from payout_batch b join payout p on p.batch_id = b.id"
                    + " where p.id = '"
                    + id
                    + "'")
            .strip();
    assertThat(Integer.parseInt(attempts)).isGreaterThanOrEqualTo(1);
    // The next business day comes and goes with the bank still away: nothing new is owed, so no
    // second payout is made.
    PayoutsEndToEndIT.advanceDays(m, 1);
    assertThat(PayoutsEndToEndIT.payouts(m)).hasSize(1);

    FaultTools.shell(
        60, "bash", Platform.ROOT.resolve("deploy/local/platform").toString(), "bank", "up");
    PayoutsEndToEndIT.awaitPayout(m, id, "paid");

    // Once: one file sent with it, one pain.001 at the bank naming it, one answer applied.
    assertThat(
            FaultTools.psql(
                    "payments",
                    "select count(*) from bank_file f join payout p on p.batch_id = f.message_id"
                        + " where f.direction = 'sent' and p.id = '"
                        + id
                        + "'")
                .strip())
        .isEqualTo("1");
    long filesNamingIt;
    try (Stream<Path> files = Files.walk(BANK_IN)) {
      filesNamingIt =
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".xml"))
              .filter(
                  f -> {
                    try {
                      return Files.readString(f).contains(id);
                    } catch (java.io.IOException e) {
                      return false;
                    }
                  })
              .count();
    }
    assertThat(filesNamingIt).isEqualTo(1);
    assertThat(
            FaultTools.psql(
                    "payments",
                    "select count(*) from ledger_entry where source = '"
                        + id
                        + "' and type = 'payout_paid'")
                .strip())
        .isEqualTo("1");
    PayoutsEndToEndIT.as(m.skTest()).get(url("/v1/payouts/" + id)).then().statusCode(200);
    DisputesEndToEndIT.assertLedgerVerifies();
  }
}
