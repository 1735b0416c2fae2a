package dev.payplatform.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.bankrail.AccountNotification;
import dev.payplatform.bankrail.BankAccount;
import dev.payplatform.bankrail.BookedEntry;
import dev.payplatform.bankrail.Camt054;
import dev.payplatform.bankrail.CreditTransfer;
import dev.payplatform.bankrail.Debtor;
import dev.payplatform.bankrail.Pain001;
import dev.payplatform.bankrail.Pain002;
import dev.payplatform.bankrail.PaymentInitiation;
import dev.payplatform.bankrail.StatusReport;
import dev.payplatform.bankrail.TransactionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankHostTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-08T09:00:00Z"), ZoneOffset.UTC);
  @TempDir Path root;
  @TempDir Path data;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void theLastFourDigitsDecideRejectedReturnedOrBooked() throws Exception {
    BankHost host = host();
    put("m1.xml", Pain001.write(initiation("m1")));

    poll(host);

    Path pain002 = awaitFile("pain002-m1.xml");
    Path camt054 = awaitFile("camt054-m1.xml");
    StatusReport report = Pain002.read(Files.readString(pain002));
    assertThat(report.originalMessageId()).isEqualTo("m1");
    assertThat(report.groupStatus()).isEqualTo("PART");
    assertThat(report.transactions())
        .containsExactly(
            new TransactionStatus("po_rejected", "RJCT", "AC01"),
            new TransactionStatus("po_returned", "ACSC", null),
            new TransactionStatus("po_booked", "ACSC", null));
    AccountNotification booked = Camt054.read(Files.readString(camt054));
    LocalDate day = LocalDate.parse("2026-12-08");
    assertThat(booked.accountIban()).isEqualTo("DE89370400440532013000");
    assertThat(booked.entries())
        .containsExactly(
            new BookedEntry("po_returned", 2000, "USD", true, day, "AC04"),
            new BookedEntry("po_booked", 4824, "EUR", false, day, null));
    awaitGone(root.resolve("payouts/in/m1.xml"));
    assertThat(root.resolve("payouts/in/done/m1.xml")).exists();
  }

  @Test
  void anInvalidPain001IsRefusedAsAWholeWithFF01() throws Exception {
    BankHost host = host();
    put(
        "broken.xml",
        Pain001.write(initiation("broken")).replaceFirst("<doc:MsgId>[^<]*</doc:MsgId>", ""));

    poll(host);

    StatusReport report = Pain002.read(Files.readString(awaitFile("pain002-broken.xml")));
    assertThat(report.groupStatus()).isEqualTo("RJCT");
    assertThat(report.groupReasonCode()).isEqualTo("FF01");
    assertThat(report.transactions()).isEmpty();
    assertThat(root.resolve("payouts/out/camt054-broken.xml")).doesNotExist();
  }

  @Test
  void aMessageIsAnsweredOnceEvenAfterARestart() throws Exception {
    put("m2.xml", Pain001.write(initiation("m2")));
    poll(host());
    awaitFile("camt054-m2.xml");
    awaitGone(root.resolve("payouts/in/m2.xml"));
    Files.delete(root.resolve("payouts/out/pain002-m2.xml"));
    Files.delete(root.resolve("payouts/out/camt054-m2.xml"));

    put("m2.xml", Pain001.write(initiation("m2")));
    BankHost restarted = host();
    poll(restarted);
    awaitGone(root.resolve("payouts/in/m2.xml"));
    Thread.sleep(100);

    assertThat(root.resolve("payouts/out/pain002-m2.xml")).doesNotExist();
    assertThat(root.resolve("payouts/out/camt054-m2.xml")).doesNotExist();
  }

  @Test
  void aFileStillBeingWrittenIsLeftAlone() throws Exception {
    BankHost host = host();
    put("m3.xml.part", Pain001.write(initiation("m3")));

    poll(host);

    assertThat(root.resolve("payouts/in/m3.xml.part")).exists();
    try (var out = Files.list(root.resolve("payouts/out"))) {
      assertThat(out.filter(Files::isRegularFile)).isEmpty();
    }
  }

  private BankHost host() {
    return new BankHost(root, data, Duration.ZERO, scheduler, CLOCK);
  }

  private void poll(BankHost host) throws Exception {
    scheduler.submit(host::poll).get();
  }

  private void put(String name, String xml) throws Exception {
    Files.createDirectories(root.resolve("payouts/in"));
    Files.writeString(root.resolve("payouts/in").resolve(name), xml);
  }

  private Path awaitFile(String name) throws InterruptedException {
    Path file = root.resolve("payouts/out").resolve(name);
    for (int i = 0; i < 100 && !Files.exists(file); i++) {
      Thread.sleep(50);
    }
    assertThat(file).exists();
    return file;
  }

  private static void awaitGone(Path file) throws InterruptedException {
    for (int i = 0; i < 100 && Files.exists(file); i++) {
      Thread.sleep(50);
    }
    assertThat(file).doesNotExist();
  }

  private static PaymentInitiation initiation(String id) {
    String rejectedIban =
        new Iban.Builder()
            .countryCode(CountryCode.DE)
            .bankCode("37040044")
            .accountNumber("0532010001")
            .build()
            .toString();
    return new PaymentInitiation(
        id,
        CLOCK.instant(),
        LocalDate.parse("2026-12-08"),
        new Debtor("Payplatform Ltd", "DE89370400440532013000", "COBADEFFXXX"),
        List.of(
            new CreditTransfer(
                "po_rejected", 1000, "EUR", "A", BankAccount.iban(rejectedIban), null),
            new CreditTransfer(
                "po_returned", 2000, "USD", "B", BankAccount.us("123450004", "110000000"), null),
            new CreditTransfer(
                "po_booked", 4824, "EUR", "C", BankAccount.iban("DE89370400440532013000"), "x")));
  }
}
