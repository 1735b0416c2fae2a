package dev.payplatform.acquirer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the acquirer host: {@code ACQUIRER_ISO_PORT} (8583) for the ISO 8583 link, {@code
 * ACQUIRER_ADMIN_PORT} (8584, loopback only) for the operator control, {@code ACQUIRER_DATA} for
 * the record and the settlement reports. Each business day's report is written just after it ends
 * (UTC), and on demand.
 */
public final class AcquirerHostMain {
  private AcquirerHostMain() {}

  public static void main(String[] args) throws Exception {
    int isoPort = Integer.parseInt(env("ACQUIRER_ISO_PORT", "8583"));
    int adminPort = Integer.parseInt(env("ACQUIRER_ADMIN_PORT", "8584"));
    Path data = Path.of(env("ACQUIRER_DATA", "acquirer-data"));
    Clock clock = Clock.systemUTC();
    AcquirerHost host = new AcquirerHost(isoPort, data, clock);
    host.start();
    AdminApi admin = new AdminApi(host, "127.0.0.1", adminPort);
    admin.start();
    ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor();
    daily.scheduleAtFixedRate(
        () -> host.settlement().write(LocalDate.now(clock).minusDays(1)),
        untilNextDay(clock).toMillis() + 60_000,
        Duration.ofDays(1).toMillis(),
        TimeUnit.MILLISECONDS);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  daily.shutdownNow();
                  admin.close();
                  host.close();
                }));
    System.out.printf(
        "acquirer-host: ISO 8583 on port %d, operator control on 127.0.0.1:%d, record in %s%n",
        isoPort, adminPort, data.toAbsolutePath());
    Thread.currentThread().join();
  }

  private static Duration untilNextDay(Clock clock) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
    return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC));
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
