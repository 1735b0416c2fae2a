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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jpos.iso.ISOMsg;

/**
 * The acquirer's truth: every message in and out ({@code journal.jsonl}) and every transaction's
 * latest state ({@code transactions.jsonl}, the last line per reference wins), both append-only
 * files under the host's data directory, read back at start. Tests and the fault suite compare the
 * platform against this record.
 */
public final class AcquirerRecord {
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final Path journalFile;
  private final Path transactionsFile;
  private final Map<String, HostTransaction> transactions = new LinkedHashMap<>();
  private final List<JournaledMessage> journal = new ArrayList<>();

  public AcquirerRecord(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.journalFile = dataDir.resolve("journal.jsonl");
    this.transactionsFile = dataDir.resolve("transactions.jsonl");
    load();
  }

  public synchronized void message(String direction, ISOMsg m, Instant at) {
    JournaledMessage entry =
        new JournaledMessage(
            at,
            direction,
            m.getString(0),
            m.getString(3),
            m.getString(11),
            m.getString(7),
            m.getString(37),
            m.hasField(4) ? Long.parseLong(m.getString(4)) : null,
            m.getString(49),
            mask(m.getString(2)),
            m.getString(41),
            m.getString(42),
            m.getString(70),
            m.getString(39),
            m.getString(38),
            m.getString(90),
            m.getString(22),
            JournaledMessage.storedCredential(m.getString(48)));
    journal.add(entry);
    append(journalFile, entry);
  }

  public synchronized void save(HostTransaction t) {
    transactions.put(t.rrn(), t);
    append(transactionsFile, t);
  }

  public synchronized Optional<HostTransaction> byRrn(String rrn) {
    return Optional.ofNullable(transactions.get(rrn));
  }

  /** The transaction a reversal or referenced refund names by its STAN and DE 7. */
  public synchronized Optional<HostTransaction> byOriginal(
      String stan, String transmission, String terminalId) {
    return transactions.values().stream()
        .filter(
            t ->
                stan.equals(t.stan())
                    && transmission.equals(t.transmission())
                    && (terminalId == null || terminalId.equals(t.terminalId())))
        .findFirst();
  }

  /** The approved refunds already made against a purchase. */
  public synchronized long refundedAgainst(String purchaseRrn) {
    return transactions.values().stream()
        .filter(t -> HostTransaction.REFUND.equals(t.type()) && t.approved())
        .filter(t -> purchaseRrn.equals(t.originalRrn()))
        .mapToLong(HostTransaction::amount)
        .sum();
  }

  public synchronized List<HostTransaction> transactions() {
    return List.copyOf(transactions.values());
  }

  public synchronized List<HostTransaction> onDay(LocalDate day) {
    return transactions.values().stream()
        .filter(t -> day.equals(t.businessDay()))
        .sorted(Comparator.comparing(HostTransaction::at))
        .toList();
  }

  public synchronized List<JournaledMessage> journal() {
    return List.copyOf(journal);
  }

  static String mask(String pan) {
    if (pan == null || pan.length() < 10) {
      return null;
    }
    return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
  }

  private void append(Path file, Object line) {
    try (BufferedWriter w =
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE)) {
      w.write(json.writeValueAsString(line));
      w.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the acquirer's record " + file, e);
    }
  }

  private void load() {
    try {
      if (Files.exists(journalFile)) {
        for (String line : Files.readAllLines(journalFile, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            journal.add(json.readValue(line, JournaledMessage.class));
          }
        }
      }
      if (Files.exists(transactionsFile)) {
        for (String line : Files.readAllLines(transactionsFile, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            HostTransaction t = json.readValue(line, HostTransaction.class);
            transactions.put(t.rrn(), t);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the acquirer's record", e);
    }
  }
}
