package dev.payplatform.bank;

import dev.payplatform.bankrail.Camt054;
import dev.payplatform.bankrail.InvalidMessage;
import dev.payplatform.bankrail.Pain001;
import dev.payplatform.bankrail.Pain002;
import dev.payplatform.bankrail.StatusReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the stand-in bank: {@code BANK_SFTP_ROOT} is the chroot of the bank's SFTP user (its {@code
 * payouts/in} polled every 250 ms), {@code BANK_DATA} keeps the message ids answered, {@code
 * BANK_BOOKING_DELAY} (ISO-8601, default PT1S) is how long after the pain.002 the camt.054 comes.
 */
public final class BankHostMain {
  private BankHostMain() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(env("BANK_SFTP_ROOT", "bank-sftp"));
    Path data = Path.of(env("BANK_DATA", "bank-data"));
    Duration delay = Duration.parse(env("BANK_BOOKING_DELAY", "PT1S"));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    BankHost host = new BankHost(root, data, delay, scheduler, Clock.systemUTC());
    warmUp();
    // One thread: polls and bookings never run at the same time, so no file is handled twice.
    scheduler.scheduleWithFixedDelay(host::poll, 0, 250, TimeUnit.MILLISECONDS);
    Runtime.getRuntime().addShutdownHook(new Thread(scheduler::shutdownNow));
    BankHost.log(
        "polling "
            + root.toAbsolutePath().resolve("payouts/in")
            + ", answers in payouts/out, booking delay "
            + delay
            + ", data in "
            + data.toAbsolutePath());
    Thread.currentThread().join();
  }

  // JAXB and the generated schemas take a second or two the first time: not on the first file.
  private static void warmUp() {
    Pain002.write(new StatusReport("warm-up", "warm-up", "RJCT", List.of(), "FF01"));
    try {
      Pain001.read("<warm-up/>");
    } catch (InvalidMessage expected) {
      // the pain.001 schema is loaded now
    }
    try {
      Camt054.read("<warm-up/>");
    } catch (InvalidMessage expected) {
      // and the camt.054 one
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
