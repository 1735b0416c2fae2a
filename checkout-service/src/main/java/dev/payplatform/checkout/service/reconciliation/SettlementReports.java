package dev.payplatform.checkout.service.reconciliation;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.domain.reconciliation.ReportUnavailable;
import dev.payplatform.checkout.domain.reconciliation.SettlementLine;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an acquirer's settlement report of one business day ({@code YYYY-MM-DD.csv} in {@code
 * checkout.reconciliation.report-directory}; the format is the acquirer host's, docs/connectors.md)
 * and keeps the lines of one card acceptor. Blocking file I/O: called off the event loop.
 */
@ApplicationScoped
public class SettlementReports {
  static final String HEADER =
      "business_day,type,rrn,authorization_code,amount,currency,stan,terminal_id,card_acceptor_id,original_rrn";
  private static final Map<String, String> ALPHA_BY_NUMERIC = alphaByNumeric();

  private final Optional<Path> directory;

  public SettlementReports(CheckoutConfig config) {
    this.directory = config.reconciliation().reportDirectory().map(Path::of);
  }

  /** One day's report, as the acquirer wrote it. */
  public record Report(Path file, String sha256, List<String[]> rows) {}

  public boolean configured() {
    return directory.isPresent();
  }

  public Path fileOf(LocalDate day) {
    return directory
        .orElseThrow(() -> new ReportUnavailable("no report directory is configured"))
        .resolve(day + ".csv");
  }

  public boolean arrived(LocalDate day) {
    return directory.isPresent() && Files.isRegularFile(fileOf(day));
  }

  /** The day's report; {@link ReportUnavailable} when it has not arrived or is malformed. */
  public Report read(LocalDate day) {
    Path file = fileOf(day);
    if (!Files.isRegularFile(file)) {
      throw new ReportUnavailable(
          "the settlement report of " + day + " has not arrived (" + file + ")");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
    if (lines.isEmpty() || !HEADER.equals(lines.get(0).strip())) {
      throw new ReportUnavailable(
          file + " is not a settlement report: its header is not " + HEADER);
    }
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != 10) {
        throw new ReportUnavailable(
            file + " line " + (i + 1) + " has " + cells.length + " cells, not 10");
      }
      if (!day.toString().equals(cells[0])) {
        throw new ReportUnavailable(file + " line " + (i + 1) + " belongs to " + cells[0]);
      }
      rows.add(cells);
    }
    return new Report(file, sha256(bytes), rows);
  }

  /**
   * The lines of one terminal and card acceptor (DE 41, DE 42), each with its key: {@code
   * terminal|acceptor|day|type|rrn|n}, n counting the lines of that type and RRN before it. Keyed
   * by the acceptor, not the account: accounts that share the ids share the lines, once.
   */
  public static List<SettlementLine> linesOf(
      Report report, LocalDate day, String terminalId, String cardAcceptorId) {
    Map<String, Integer> seen = new HashMap<>();
    List<SettlementLine> lines = new ArrayList<>();
    for (String[] c : report.rows()) {
      if (!c[7].strip().equals(strip(terminalId)) || !c[8].strip().equals(strip(cardAcceptorId))) {
        continue;
      }
      String type = c[1].strip();
      if (!SettlementLine.PURCHASE.equals(type)
          && !SettlementLine.REFUND.equals(type)
          && !SettlementLine.REVERSAL.equals(type)) {
        throw new ReportUnavailable(report.file() + " has a line of unknown type " + type);
      }
      String rrn = c[2].strip();
      String base =
          strip(terminalId) + "|" + strip(cardAcceptorId) + "|" + day + "|" + type + "|" + rrn;
      int n = seen.merge(base, 1, Integer::sum) - 1;
      long amount;
      try {
        amount = Long.parseLong(c[4].strip());
      } catch (NumberFormatException e) {
        throw new ReportUnavailable(
            report.file() + " has an amount that is not a whole number: " + c[4]);
      }
      lines.add(
          new SettlementLine(
              base + "|" + n, day, type, rrn, emptyToNull(c[3]), amount, alpha(c[5].strip())));
    }
    return lines;
  }

  /** The ISO 4217 alphabetic code of a numeric one ({@code 840} → {@code USD}). */
  static String alpha(String numeric) {
    String alpha = ALPHA_BY_NUMERIC.get(numeric.replaceFirst("^0+(?=.)", ""));
    return alpha == null ? numeric : alpha;
  }

  private static Map<String, String> alphaByNumeric() {
    Map<String, String> m = new HashMap<>();
    for (Currency c : Currency.getAvailableCurrencies()) {
      if (c.getNumericCode() > 0) {
        m.putIfAbsent(Integer.toString(c.getNumericCode()), c.getCurrencyCode());
      }
    }
    // Codes several currencies once shared: the current one wins.
    m.put("840", "USD");
    m.put("978", "EUR");
    m.put("826", "GBP");
    return Map.copyOf(m);
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
