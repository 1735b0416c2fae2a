package dev.payplatform.payments.service.payouts;

import dev.payplatform.bankrail.CreditTransfer;
import dev.payplatform.bankrail.Debtor;
import dev.payplatform.bankrail.Pain001;
import dev.payplatform.bankrail.PaymentInitiation;
import dev.payplatform.commons.ids.Ids;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Sends payouts to the bank (docs/payouts.md): pending payouts are batched into one pain.001 per
 * mode, currency and execution day, its XML fixed and kept ({@code bank_file}) in the transaction
 * that claims them; then the file is put on the bank's SFTP server and its payouts move to {@code
 * in_transit}. A batch whose put failed (the bank unreachable, a crash) is put again next pass, the
 * same bytes under the same message id, which the bank answers once: a payout goes once, never
 * twice.
 */
@ApplicationScoped
public class PayoutTransfers implements Sweep {
  private static final Logger LOG = Logger.getLogger(PayoutTransfers.class);
  private static final String PAIN_001 = "pain.001.001.09";
  private static final String TO_BATCH =
      "select id from payout where status = 'pending' and batch_id is null order by created_at"
          + " limit 500 for update skip locked";
  private static final String NEW_BATCH =
      "insert into payout_batch (id, livemode, currency, file_name, status, created_at)"
          + " values (?1, ?2, ?3, ?4, 'prepared', ?5)";
  private static final String PREPARED =
      "select b.id, b.file_name, f.content from payout_batch b join bank_file f"
          + " on f.direction = 'sent' and f.message_id = b.id where b.status = 'prepared'"
          + " order by b.created_at limit 20";
  private static final String SENT =
      "update payout_batch set status = 'sent', sent_at = ?2, attempts = attempts + 1"
          + " where id = ?1 and status = 'prepared'";
  private static final String NOT_SENT =
      "update payout_batch set attempts = attempts + 1, last_error = ?2 where id = ?1";

  private final PayoutBank bank;
  private final BankFiles files;
  private final BankAccountSeal seal;
  private final PayoutOutcomes outcomes;
  private final Debtor debtor;
  private final InstantSource clock;
  private final Sweep.Schedule schedule;

  public PayoutTransfers(
      PayoutBank bank,
      BankFiles files,
      BankAccountSeal seal,
      PayoutOutcomes outcomes,
      PaymentsConfig config,
      InstantSource clock) {
    this.bank = bank;
    this.files = files;
    this.seal = seal;
    this.outcomes = outcomes;
    PaymentsConfig.Debtor d = config.payouts().debtor();
    this.debtor = new Debtor(d.name(), d.iban(), d.bic());
    this.clock = clock;
    this.schedule =
        new Sweep.Schedule("payouts-to-bank", config.payouts().bankSweep(), Duration.ofSeconds(5));
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  @Override
  public Uni<Sweeps.Pass> pass() {
    if (!bank.configured()) {
      return Uni.createFrom().item(Sweeps.Pass.NOTHING);
    }
    Instant now = Timestamps.now(clock);
    return Panache.withTransaction(() -> prepare(now))
        .chain(() -> Panache.withSession(() -> prepared()))
        .chain(
            batches ->
                batches.isEmpty() ? Uni.createFrom().item(Sweeps.Pass.NOTHING) : send(batches));
  }

  /** Claims the pending payouts into batches, each with its pain.001 fixed. */
  private Uni<Void> prepare(Instant now) {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(TO_BATCH, String.class).getResultList())
        .chain(
            ids ->
                ids.isEmpty()
                    ? Uni.createFrom().item(List.<Payout>of())
                    : Payout.<Payout>list("id in ?1 order by createdAt", ids))
        .chain(
            payouts -> {
              Map<String, List<Payout>> groups = new TreeMap<>();
              for (Payout po : payouts) {
                String key = po.livemode + " " + po.currency + " " + po.executionDate;
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(po);
              }
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (List<Payout> group : groups.values()) {
                chain = chain.chain(() -> batch(group, now));
              }
              return chain;
            });
  }

  private Uni<Void> batch(List<Payout> group, Instant now) {
    Payout first = group.get(0);
    String batchId = Ids.newId("pb");
    String xml;
    try {
      List<CreditTransfer> transfers = new ArrayList<>();
      for (Payout po : group) {
        transfers.add(
            new CreditTransfer(
                po.id,
                po.amount,
                po.currency,
                po.destinationHolderName,
                seal.open(po.destinationSealed),
                po.description != null ? po.description : "Payout " + po.id));
      }
      LocalDate execution = first.executionDate;
      xml = Pain001.write(new PaymentInitiation(batchId, now, execution, debtor, transfers));
    } catch (RuntimeException e) {
      // A file the schema refuses would be refused every pass: these payouts fail instead.
      LOG.errorf(e, "could not write the pain.001 of %d payout(s); they fail", group.size());
      Uni<Void> chain = Uni.createFrom().voidItem();
      for (Payout po : group) {
        chain =
            chain.chain(
                () ->
                    outcomes.failed(
                        po, "could_not_process", "The bank transfer could not be made.", now));
      }
      return chain;
    }
    String fileName = batchId + ".xml";
    for (Payout po : group) {
      po.batchId = batchId;
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(NEW_BATCH)
                    .setParameter(1, batchId)
                    .setParameter(2, first.livemode)
                    .setParameter(3, first.currency)
                    .setParameter(4, fileName)
                    .setParameter(5, now.atOffset(ZoneOffset.UTC))
                    .executeUpdate())
        .chain(() -> files.record("sent", fileName, PAIN_001, batchId, xml, now))
        .replaceWithVoid();
  }

  private record Prepared(String id, String fileName, String content) {}

  private Uni<List<Prepared>> prepared() {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(PREPARED, Object[].class).getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(r -> new Prepared((String) r[0], (String) r[1], (String) r[2]))
                    .toList());
  }

  /** Puts each prepared file; marks what went and records why the rest did not. */
  private Uni<Sweeps.Pass> send(List<Prepared> batches) {
    String dir = bank.config().outgoing();
    return bank.with(
            sftp -> {
              List<String> sent = new ArrayList<>();
              for (Prepared b : batches) {
                sftp.put(dir, b.fileName(), b.content().getBytes(StandardCharsets.UTF_8));
                sent.add(b.id());
              }
              return sent;
            })
        .onFailure()
        .recoverWithUni(
            e -> {
              LOG.warnf("the payout bank is unreachable, %d file(s) wait: %s", batches.size(), e);
              return Panache.withTransaction(
                      () ->
                          Panache.getSession()
                              .chain(
                                  s -> {
                                    Uni<Void> chain = Uni.createFrom().voidItem();
                                    for (Prepared b : batches) {
                                      chain =
                                          chain.chain(
                                              () ->
                                                  s.createNativeQuery(NOT_SENT)
                                                      .setParameter(1, b.id())
                                                      .setParameter(2, String.valueOf(e))
                                                      .executeUpdate()
                                                      .replaceWithVoid());
                                    }
                                    return chain;
                                  }))
                  .replaceWith(List.of());
            })
        .chain(sent -> Sweeps.resolveEach(sent, this::markSent))
        .map(pass -> new Sweeps.Pass(batches.size(), pass.resolved()));
  }

  private Uni<Boolean> markSent(String batchId) {
    Instant now = Timestamps.now(clock);
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(SENT)
                            .setParameter(1, batchId)
                            .setParameter(2, now.atOffset(ZoneOffset.UTC))
                            .executeUpdate())
                .chain(() -> Payout.<Payout>list("batchId", batchId))
                .chain(
                    payouts -> {
                      Uni<Void> chain = Uni.createFrom().voidItem();
                      for (Payout po : payouts) {
                        chain =
                            chain.chain(
                                () ->
                                    PayoutOutcomes.lock(po.id)
                                        .chain(locked -> outcomes.sent(locked, now)));
                      }
                      return chain;
                    })
                .replaceWith(true));
  }
}
