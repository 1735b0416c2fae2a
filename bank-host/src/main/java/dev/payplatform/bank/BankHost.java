package dev.payplatform.bank;

import dev.payplatform.bankrail.AccountNotification;
import dev.payplatform.bankrail.BookedEntry;
import dev.payplatform.bankrail.Camt054;
import dev.payplatform.bankrail.InvalidMessage;
import dev.payplatform.bankrail.Pain001;
import dev.payplatform.bankrail.Pain002;
import dev.payplatform.bankrail.PaymentInitiation;
import dev.payplatform.bankrail.StatusReport;
import dev.payplatform.bankrail.TransactionStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The stand-in bank: reads each pain.001 put in {@code payouts/in} of the SFTP root, answers it
 * once with a pain.002 in {@code payouts/out}, and books it in a camt.054 a booking delay later
 * (BankRules). A handled file moves to {@code payouts/in/done}; the message ids answered are kept
 * in {@code answered.txt} of the data directory so a restart never answers twice.
 */
final class BankHost {
  private final Path in;
  private final Path done;
  private final Path out;
  private final Path answeredFile;
  private final Duration bookingDelay;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Set<String> answered = new HashSet<>();
  private final Set<Path> inProgress = ConcurrentHashMap.newKeySet();

  BankHost(
      Path sftpRoot,
      Path data,
      Duration bookingDelay,
      ScheduledExecutorService scheduler,
      Clock clock) {
    this.in = sftpRoot.resolve("payouts/in");
    this.done = in.resolve("done");
    this.out = sftpRoot.resolve("payouts/out");
    this.answeredFile = data.resolve("answered.txt");
    this.bookingDelay = bookingDelay;
    this.scheduler = scheduler;
    this.clock = clock;
    try {
      Files.createDirectories(done);
      Files.createDirectories(out);
      Files.createDirectories(data);
      if (Files.exists(answeredFile)) {
        answered.addAll(Files.readAllLines(answeredFile, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One look at {@code payouts/in}: every complete {@code *.xml} not yet being answered. */
  void poll() {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(in)) {
      listing
          .filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      log("cannot list " + in + ": " + e.getMessage());
      return;
    }
    for (Path file : files) {
      if (inProgress.add(file)) {
        try {
          handle(file);
        } catch (IOException | RuntimeException e) {
          inProgress.remove(file);
          log(file.getFileName() + ": failed, will retry: " + e);
        }
      }
    }
  }

  private void handle(Path file) throws IOException {
    String name = file.getFileName().toString();
    String xml = Files.readString(file, StandardCharsets.UTF_8);
    PaymentInitiation p;
    try {
      p = Pain001.read(xml);
    } catch (InvalidMessage e) {
      String id = name.substring(0, name.length() - ".xml".length());
      write("pain002-" + id + ".xml", Pain002.write(refused(id)));
      finish(file, null); // not recorded: a corrected file may come again under its id
      log(name + ": invalid pain.001, group RJCT FF01 (" + e.getMessage() + ")");
      return;
    }
    if (answered.contains(p.messageId())) {
      finish(file, null);
      log(name + ": message " + p.messageId() + " was answered before; not again");
      return;
    }
    List<TransactionStatus> statuses = p.transfers().stream().map(BankRules::status).toList();
    long accepted = statuses.stream().filter(s -> !"RJCT".equals(s.status())).count();
    String group = BankRules.groupStatus(accepted, statuses.size());
    write(
        "pain002-" + p.messageId() + ".xml",
        Pain002.write(
            new StatusReport(bankId("P2", p.messageId()), p.messageId(), group, statuses)));
    log(name + ": pain.002 " + group + ", " + accepted + " of " + statuses.size() + " accepted");
    scheduler.schedule(() -> book(file, p), bookingDelay.toMillis(), TimeUnit.MILLISECONDS);
  }

  // The camt.054 of what was accepted; then the file is done. Nothing booked, no camt.054.
  private void book(Path file, PaymentInitiation p) {
    try {
      LocalDate today = LocalDate.now(clock);
      List<BookedEntry> entries = new ArrayList<>();
      p.transfers()
          .forEach(
              t -> {
                BookedEntry e = BankRules.booking(t, today);
                if (e != null) {
                  entries.add(e);
                }
              });
      if (!entries.isEmpty()) {
        write(
            "camt054-" + p.messageId() + ".xml",
            Camt054.write(
                new AccountNotification(
                    bankId("C5", p.messageId()), clock.instant(), p.debtor().iban(), entries)));
      }
      finish(file, p.messageId());
      long returned = entries.stream().filter(BookedEntry::credit).count();
      log(
          file.getFileName()
              + ": camt.054 "
              + entries.size()
              + " booked, "
              + returned
              + " returned");
    } catch (IOException | RuntimeException e) {
      inProgress.remove(file);
      log(file.getFileName() + ": booking failed, will retry: " + e);
    }
  }

  private synchronized void finish(Path file, String messageId) throws IOException {
    if (messageId != null && answered.add(messageId)) {
      Files.writeString(
          answeredFile,
          messageId + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    Files.move(file, done.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    inProgress.remove(file);
  }

  // Temp name, then rename: the platform never reads half a file. Owned like payouts/out (the
  // SFTP user's), readable by it even though this process runs as root.
  private void write(String name, String xml) throws IOException {
    Path temp = out.resolve("." + name + ".tmp");
    Files.writeString(temp, xml, StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      Files.setOwner(temp, Files.getOwner(out));
    } catch (IOException | UnsupportedOperationException e) {
      // not root, or not POSIX: the file stays the process's own, which is enough in tests
    }
    Files.move(temp, out.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private StatusReport refused(String id) {
    String original = id.length() > 35 ? id.substring(0, 35) : id;
    return new StatusReport(bankId("P2", original), original, "RJCT", List.of(), "FF01");
  }

  // The bank's own message ids: a prefix and the original's, within Max35Text.
  private static String bankId(String prefix, String messageId) {
    String id = prefix + "-" + messageId;
    return id.length() <= 35 ? id : prefix + "-" + messageId.substring(messageId.length() - 32);
  }

  static void log(String line) {
    System.out.println(java.time.Instant.now() + " bank-host: " + line);
  }
}
