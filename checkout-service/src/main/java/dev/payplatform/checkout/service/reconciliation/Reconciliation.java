package dev.payplatform.checkout.service.reconciliation;

import dev.payplatform.checkout.domain.GatewayAccountEntity;
import dev.payplatform.checkout.domain.GatewayAccountNotFound;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationItem;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationRun;
import dev.payplatform.checkout.domain.reconciliation.ReportUnavailable;
import dev.payplatform.checkout.domain.reconciliation.SettlementLine;
import dev.payplatform.checkout.domain.reconciliation.SettlementMatching;
import dev.payplatform.checkout.messaging.ReconciliationEvents;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One reconciliation run: a gateway account's settlement report of one business day against the
 * connector's journal (docs/connectors.md, reconciliation). In one transaction, under a lock of the
 * account and day so replicas and operators never itemize the same line twice: the report's lines
 * not itemized before are matched ({@link SettlementMatching}), every finding becomes an item with
 * {@code reconciliation_item.created} (payments-service posts its money to the ledger), and the run
 * ends with {@code reconciliation_run.completed}.
 */
@ApplicationScoped
public class Reconciliation {
  private static final Logger LOG = Logger.getLogger(Reconciliation.class);
  public static final String ISO8583 = "iso8583";
  private static final String LOCK =
      "select 1 from (select pg_advisory_xact_lock(hashtext(cast(?1 as text)))) as reconciliation_lock";
  private static final String ITEMIZED =
      "select line_key from reconciliation_item where line_key = any(cast(?1 as text[]))";

  private final SettlementReports reports;
  private final PlatformRecords records;
  private final ReconciliationEvents events;
  private final ReconciliationMetrics metrics;
  private final Vertx vertx;
  private final InstantSource clock;

  public Reconciliation(
      SettlementReports reports,
      PlatformRecords records,
      ReconciliationEvents events,
      ReconciliationMetrics metrics,
      Vertx vertx,
      InstantSource clock) {
    this.reports = reports;
    this.records = records;
    this.events = events;
    this.metrics = metrics;
    this.vertx = vertx;
    this.clock = clock;
  }

  /** Reconciles {@code day} for one account (an {@code iso8583} account). */
  public Uni<ReconciliationRun> run(String accountId, LocalDate day, String trigger) {
    return vertx
        .executeBlocking(Uni.createFrom().item(() -> reports.read(day)))
        .chain(
            report ->
                Panache.withTransaction(
                    () ->
                        GatewayAccountEntity.<GatewayAccountEntity>findById(accountId)
                            .chain(
                                account -> {
                                  if (account == null) {
                                    return Uni.createFrom()
                                        .failure(new GatewayAccountNotFound(accountId));
                                  }
                                  if (!ISO8583.equals(account.kind)) {
                                    return Uni.createFrom()
                                        .failure(
                                            new ReportUnavailable(
                                                "gateway account "
                                                    + accountId
                                                    + " is of kind "
                                                    + account.kind
                                                    + ": only iso8583 accounts have settlement"
                                                    + " reports"));
                                  }
                                  // One acceptor's day at a time: accounts sharing the ids too.
                                  String acceptor =
                                      account.terminalId + "|" + account.cardAcceptorId + "|" + day;
                                  List<SettlementLine> lines =
                                      SettlementReports.linesOf(
                                          report, day, account.terminalId, account.cardAcceptorId);
                                  return Panache.getSession()
                                      .chain(
                                          s ->
                                              s.createNativeQuery(LOCK)
                                                  .setParameter(1, "reconciliation:" + acceptor)
                                                  .getSingleResult())
                                      .chain(() -> notItemized(lines))
                                      .chain(
                                          fresh -> reconcile(account, day, trigger, report, fresh));
                                })))
        .call(metrics::refresh);
  }

  /**
   * Every {@code iso8583} account, one run each; an account whose run fails is logged and skipped.
   */
  public Uni<List<ReconciliationRun>> runAll(LocalDate day, String trigger) {
    return Panache.withSession(
            () -> GatewayAccountEntity.<GatewayAccountEntity>list("kind", ISO8583))
        .onItem()
        .transformToMulti(accounts -> Multi.createFrom().iterable(accounts))
        .onItem()
        .transformToUniAndConcatenate(
            a ->
                run(a.id, day, trigger)
                    .map(Optional::of)
                    .onFailure()
                    .recoverWithItem(
                        e -> {
                          LOG.errorf(e, "reconciliation of %s for %s failed", a.id, day);
                          return Optional.empty();
                        }))
        .collect()
        .asList()
        .map(runs -> runs.stream().flatMap(Optional::stream).toList());
  }

  private Uni<List<SettlementLine>> notItemized(List<SettlementLine> lines) {
    if (lines.isEmpty()) {
      return Uni.createFrom().item(lines);
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(ITEMIZED, String.class)
                    .setParameter(1, lines.stream().map(SettlementLine::key).toArray(String[]::new))
                    .getResultList())
        .map(
            done -> {
              Set<String> itemized = new HashSet<>(done);
              return lines.stream().filter(l -> !itemized.contains(l.key())).toList();
            });
  }

  private Uni<ReconciliationRun> reconcile(
      GatewayAccountEntity account,
      LocalDate day,
      String trigger,
      SettlementReports.Report report,
      List<SettlementLine> lines) {
    Instant now = Timestamps.now(clock);
    List<String> rrns = lines.stream().map(SettlementLine::rrn).distinct().toList();
    return records
        .load(account.id, day, rrns)
        .chain(
            known -> {
              List<SettlementMatching.Finding> findings =
                  SettlementMatching.match(day, lines, known);
              ReconciliationRun run = new ReconciliationRun();
              run.id = Ids.newId(ReconciliationRun.ID_PREFIX);
              run.gatewayAccountId = account.id;
              run.businessDay = day;
              run.trigger = trigger;
              run.reportFile = report.file().toString();
              run.reportSha256 = report.sha256();
              run.reportLines = lines.size();
              run.items = findings.size();
              run.differences = (int) findings.stream().filter(f -> f.kind().difference()).count();
              run.matched = run.items - run.differences;
              run.createdAt = now;
              List<ReconciliationItem> items =
                  findings.stream()
                      .map(
                          f ->
                              ReconciliationItem.of(
                                  Ids.newId(ReconciliationItem.ID_PREFIX), run, f, now))
                      .toList();
              return run.<ReconciliationRun>persist()
                  .call(() -> Panache.getSession().chain(s -> s.persistAll(items.toArray())))
                  .call(() -> Panache.getSession().chain(s -> s.flush()))
                  .call(
                      () ->
                          Multi.createFrom()
                              .iterable(items)
                              .onItem()
                              .transformToUniAndConcatenate(events::reconciliationItemCreated)
                              .collect()
                              .last())
                  .call(() -> events.reconciliationRunCompleted(run))
                  .invoke(
                      () -> {
                        metrics.counted(items);
                        LOG.infof(
                            "reconciled %s %s (%s): %d new line(s), %d item(s), %d matched, %d difference(s)",
                            account.id,
                            day,
                            trigger,
                            run.reportLines,
                            run.items,
                            run.matched,
                            run.differences);
                      });
            });
  }
}
