package dev.payplatform.payments.service.payouts;

import dev.payplatform.bankrail.AccountNotification;
import dev.payplatform.bankrail.BookedEntry;
import dev.payplatform.bankrail.Camt054;
import dev.payplatform.bankrail.Pain002;
import dev.payplatform.bankrail.StatusReport;
import dev.payplatform.bankrail.TransactionStatus;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.config.PaymentsConfig;
import dev.payplatform.payments.domain.Payout;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads the payout bank's answers from its SFTP server (docs/payouts.md): a pain.002 rejects
 * payouts ({@code RJCT}: {@code failed} with the reason), a camt.054 books them ({@code DBIT},
 * {@code paid}) or returns them ({@code CRDT} with a return reason: {@code failed}). Each file is
 * recorded and applied in one transaction, once per message id, then moved to the archive
 * directory: a file read twice changes nothing.
 */
@ApplicationScoped
public class BankReplies implements Sweep {
  private static final Logger LOG = Logger.getLogger(BankReplies.class);

  private final PayoutBank bank;
  private final BankFiles files;
  private final PayoutOutcomes outcomes;
  private final InstantSource clock;
  private final Sweep.Schedule schedule;

  public BankReplies(
      PayoutBank bank,
      BankFiles files,
      PayoutOutcomes outcomes,
      PaymentsConfig config,
      InstantSource clock) {
    this.bank = bank;
    this.files = files;
    this.outcomes = outcomes;
    this.clock = clock;
    this.schedule =
        new Sweep.Schedule(
            "payouts-bank-replies", config.payouts().bankSweep(), Duration.ofSeconds(6));
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  private record Received(String name, String content) {}

  @Override
  public Uni<Sweeps.Pass> pass() {
    if (!bank.configured()) {
      return Uni.createFrom().item(Sweeps.Pass.NOTHING);
    }
    String dir = bank.config().incoming();
    return bank.with(
            sftp -> {
              List<Received> found = new ArrayList<>();
              for (String name : sftp.list(dir)) {
                if (name.endsWith(".xml")) {
                  found.add(
                      new Received(name, new String(sftp.get(dir, name), StandardCharsets.UTF_8)));
                }
              }
              return found;
            })
        .chain(
            found ->
                found.isEmpty()
                    ? Uni.createFrom().item(Sweeps.Pass.NOTHING)
                    : Sweeps.resolveEach(found, this::apply)
                        .chain(pass -> archive(found).replaceWith(pass)));
  }

  private Uni<Void> archive(List<Received> applied) {
    String dir = bank.config().incoming();
    String archive = bank.config().archive();
    return bank.with(
            sftp -> {
              for (Received r : applied) {
                sftp.move(dir, r.name(), archive);
              }
              return null;
            })
        .replaceWithVoid();
  }

  /** Records and applies one file; a file recorded before is skipped. */
  private Uni<Boolean> apply(Received file) {
    Instant now = Timestamps.now(clock);
    try {
      if (file.content().contains("pain.002.001")) {
        StatusReport report = Pain002.read(file.content());
        return Panache.withTransaction(
            () ->
                files
                    .record(
                        "received",
                        file.name(),
                        "pain.002.001.10",
                        report.messageId(),
                        file.content(),
                        now)
                    .chain(
                        fresh -> fresh ? statusReport(report, now) : Uni.createFrom().item(false)));
      }
      if (file.content().contains("camt.054.001")) {
        AccountNotification n = Camt054.read(file.content());
        return Panache.withTransaction(
            () ->
                files
                    .record(
                        "received",
                        file.name(),
                        "camt.054.001.08",
                        n.messageId(),
                        file.content(),
                        now)
                    .chain(fresh -> fresh ? notification(n, now) : Uni.createFrom().item(false)));
      }
      LOG.errorf(
          "the payout bank sent %s, which is neither a pain.002 nor a camt.054", file.name());
    } catch (RuntimeException e) {
      LOG.errorf(
          e, "the payout bank's file %s could not be read; it is archived unapplied", file.name());
    }
    return Uni.createFrom().item(false);
  }

  private Uni<Boolean> statusReport(StatusReport report, Instant now) {
    List<TransactionStatus> rejected =
        report.transactions().stream().filter(t -> "RJCT".equals(t.status())).toList();
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (TransactionStatus t : rejected) {
      PayoutFailureCodes.Failure f = PayoutFailureCodes.of(t.reasonCode());
      chain =
          chain.chain(
              () ->
                  onPayout(t.endToEndId(), po -> outcomes.failed(po, f.code(), f.message(), now)));
    }
    if ("RJCT".equals(report.groupStatus()) && report.transactions().isEmpty()) {
      // The whole file refused: every payout in it failed.
      chain =
          chain
              .chain(() -> Payout.<Payout>list("batchId", report.originalMessageId()))
              .chain(
                  payouts -> {
                    Uni<Void> each = Uni.createFrom().voidItem();
                    for (Payout po : payouts) {
                      each =
                          each.chain(
                              () ->
                                  onPayout(
                                      po.id,
                                      locked ->
                                          outcomes.failed(
                                              locked,
                                              "could_not_process",
                                              "The bank refused the transfer file.",
                                              now)));
                    }
                    return each;
                  });
    }
    return chain.replaceWith(true);
  }

  private Uni<Boolean> notification(AccountNotification n, Instant now) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (BookedEntry e : n.entries()) {
      chain =
          chain.chain(
              () ->
                  onPayout(
                      e.endToEndId(),
                      po -> {
                        if (po.amount != e.amount() || !po.currency.equals(e.currency())) {
                          LOG.errorf(
                              "camt.054 %s books %d %s for payout %s of %d %s: not applied",
                              n.messageId(),
                              e.amount(),
                              e.currency(),
                              po.id,
                              po.amount,
                              po.currency);
                          return Uni.createFrom().voidItem();
                        }
                        if (e.credit()) {
                          PayoutFailureCodes.Failure f =
                              PayoutFailureCodes.of(e.returnReasonCode());
                          return outcomes.failed(po, f.code(), f.message(), now);
                        }
                        return outcomes.paid(po, now);
                      }));
    }
    return chain.replaceWith(true);
  }

  private static Uni<Void> onPayout(
      String id, java.util.function.Function<Payout, Uni<Void>> then) {
    return PayoutOutcomes.lock(id)
        .chain(
            po -> {
              if (po == null) {
                LOG.errorf("the payout bank answered about %s, which is not a payout here", id);
                return Uni.createFrom().voidItem();
              }
              return then.apply(po);
            });
  }
}
