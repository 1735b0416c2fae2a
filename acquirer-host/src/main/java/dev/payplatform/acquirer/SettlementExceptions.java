package dev.payplatform.acquirer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator makes the acquirer's settlement get wrong, so reconciliation can be tried
 * against the differences real acquirers produce: a transaction left out of the report, a
 * transaction settled at another amount, and a charge settled that the platform never sent. Kept in
 * {@code settlement-exceptions.jsonl} (the last line per RRN wins); extra charges are transactions
 * of the record like any other.
 */
public final class SettlementExceptions {
  /** One transaction's settlement, changed: left out, or settled at {@code amount}. */
  public record Exception(String rrn, boolean omit, Long amount, Instant at) {}

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final SecureRandom random = new SecureRandom();
  private final Path file;
  private final AcquirerRecord record;
  private final Clock clock;
  private final Map<String, Exception> byRrn = new LinkedHashMap<>();

  public SettlementExceptions(AcquirerRecord record, Path dataDir, Clock clock) {
    this.record = record;
    this.clock = clock;
    this.file = dataDir.resolve("settlement-exceptions.jsonl");
    try {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            Exception e = json.readValue(line, Exception.class);
            byRrn.put(e.rrn(), e);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  public synchronized Optional<Exception> of(String rrn) {
    return Optional.ofNullable(byRrn.get(rrn));
  }

  /** Leaves {@code rrn} out of its day's report, or settles it at {@code amount}. */
  public synchronized Exception set(String rrn, boolean omit, Long amount) {
    if (record.byRrn(rrn).isEmpty()) {
      throw new IllegalArgumentException("no transaction has RRN " + rrn);
    }
    if (!omit && (amount == null || amount <= 0)) {
      throw new IllegalArgumentException("say omit: true, or a positive amount");
    }
    Exception e = new Exception(rrn, omit, omit ? null : amount, clock.instant());
    byRrn.put(rrn, e);
    try (BufferedWriter w =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      w.write(json.writeValueAsString(e));
      w.newLine();
    } catch (IOException ex) {
      throw new UncheckedIOException("could not write " + file, ex);
    }
    return e;
  }

  /**
   * Settles a purchase on {@code day} (today when null) that no platform ever sent: an approved
   * transaction of the record with an RRN and authorization code of its own.
   */
  public HostTransaction extraCharge(
      LocalDate day, String terminalId, String cardAcceptorId, long amount, String currency) {
    if (amount <= 0 || currency == null || !currency.matches("\\d{3}")) {
      throw new IllegalArgumentException(
          "an extra charge needs a positive amount and a numeric currency");
    }
    LocalDate businessDay = day == null ? Authorizer.businessDay(clock.instant()) : day;
    String rrn = String.format("9%011d", Math.floorMod(random.nextLong(), 100_000_000_000L));
    HostTransaction t =
        new HostTransaction(
            rrn,
            HostTransaction.PURCHASE,
            String.format("%06d", random.nextInt(1_000_000)),
            null,
            terminalId,
            cardAcceptorId,
            amount,
            currency,
            "00",
            String.format("%06d", random.nextInt(1_000_000)),
            HostTransaction.APPROVED,
            businessDay,
            null,
            clock.instant(),
            null);
    record.save(t);
    return t;
  }
}
