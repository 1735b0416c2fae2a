package dev.payplatform.acquirer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The acquirer's settlement (clearing) report of one business day (UTC): {@code
 * settlement/YYYY-MM-DD.csv}, one line per captured purchase, refund and reversal, with amount
 * (minor units), currency, RRN, authorization code and date. A reversed purchase appears twice, as
 * a purchase and as its reversal, because a single-message purchase is captured when approved. The
 * reconciliation job reads these files (docs/connectors.md).
 */
public final class SettlementReport {
  public static final String HEADER =
      "business_day,type,rrn,authorization_code,amount,currency,stan,terminal_id,card_acceptor_id,original_rrn";

  private final AcquirerRecord record;
  private final SettlementExceptions exceptions;
  private final Path directory;

  public SettlementReport(AcquirerRecord record, SettlementExceptions exceptions, Path dataDir) {
    this.record = record;
    this.exceptions = exceptions;
    this.directory = dataDir.resolve("settlement");
  }

  public List<String> lines(LocalDate day) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (HostTransaction t : record.onDay(day)) {
      if (HostTransaction.UNKNOWN.equals(t.type()) || t.authorizationCode() == null) {
        continue;
      }
      var exception = exceptions.of(t.rrn());
      if (exception.map(SettlementExceptions.Exception::omit).orElse(false)) {
        continue;
      }
      long amount = exception.map(SettlementExceptions.Exception::amount).orElse(t.amount());
      lines.add(line(day, t.type(), t, amount));
      if (t.reversed()) {
        lines.add(line(day, "reversal", t, amount));
      }
    }
    return lines;
  }

  /** Writes (or rewrites) the day's report and answers its path. */
  public Path write(LocalDate day) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(day + ".csv");
      Path partial = directory.resolve(day + ".csv.partial");
      Files.write(partial, lines(day), StandardCharsets.UTF_8);
      Files.move(
          partial,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the settlement report of " + day, e);
    }
  }

  private static String line(LocalDate day, String type, HostTransaction t, long amount) {
    return String.join(
        ",",
        day.toString(),
        type,
        t.rrn(),
        t.authorizationCode(),
        Long.toString(amount),
        t.currency(),
        nullToEmpty(t.stan()),
        nullToEmpty(t.terminalId()),
        nullToEmpty(t.cardAcceptorId()),
        nullToEmpty(t.originalRrn()));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s.strip();
  }
}
