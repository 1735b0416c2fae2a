package dev.payplatform.checkout.service.reconciliation;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.domain.GatewayAccountEntity;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationRun;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily job: for every {@code iso8583} gateway account and every closed business day (UTC) of
 * the last {@code look-back-days} whose settlement report has arrived and has no run yet, one run.
 * A day is closed once the clock has passed it; the acquirer writes its report after that.
 */
@ApplicationScoped
public class DailyReconciliation implements Sweep {
  private static final String RUN_EXISTS =
      "select count(*) from reconciliation_run where gateway_account_id = ?1 and business_day = ?2";

  private final Reconciliation reconciliation;
  private final SettlementReports reports;
  private final ReconciliationMetrics metrics;
  private final CheckoutConfig.Reconciliation settings;
  private final Sweep.Schedule schedule;
  private final InstantSource clock;

  public DailyReconciliation(
      Reconciliation reconciliation,
      SettlementReports reports,
      ReconciliationMetrics metrics,
      CheckoutConfig config,
      InstantSource clock) {
    this.reconciliation = reconciliation;
    this.reports = reports;
    this.metrics = metrics;
    this.settings = config.reconciliation();
    // The first pass soon after start, so the differences gauge counts what is open already.
    this.schedule =
        new Sweep.Schedule(
            "checkout.reconciliation", settings.interval(), java.time.Duration.ofSeconds(30));
    this.clock = clock;
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  private record Due(String accountId, LocalDate day) {}

  @Override
  public Uni<Sweeps.Pass> pass() {
    if (!reports.configured()) {
      return metrics.refresh().replaceWith(Sweeps.Pass.NOTHING);
    }
    LocalDate today = LocalDate.ofInstant(Timestamps.now(clock), ZoneOffset.UTC);
    return Panache.withSession(
            () -> GatewayAccountEntity.<GatewayAccountEntity>list("kind", Reconciliation.ISO8583))
        .chain(accounts -> due(accounts, today))
        .chain(
            due ->
                Multi.createFrom()
                    .iterable(due)
                    .onItem()
                    .transformToUniAndConcatenate(
                        d -> reconciliation.run(d.accountId(), d.day(), ReconciliationRun.SCHEDULE))
                    .collect()
                    .asList()
                    .map(runs -> new Sweeps.Pass(due.size(), runs.size())))
        .call(metrics::refresh);
  }

  private Uni<List<Due>> due(List<GatewayAccountEntity> accounts, LocalDate today) {
    List<Due> candidates = new ArrayList<>();
    for (GatewayAccountEntity a : accounts) {
      for (int back = settings.lookBackDays(); back >= 1; back--) {
        LocalDate day = today.minusDays(back);
        if (!a.createdAt.isAfter(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
            && reports.arrived(day)) {
          candidates.add(new Due(a.id, day));
        }
      }
    }
    return Multi.createFrom()
        .iterable(candidates)
        .onItem()
        .transformToUniAndConcatenate(
            d ->
                Panache.withSession(
                        () ->
                            Panache.getSession()
                                .chain(
                                    s ->
                                        s.createNativeQuery(RUN_EXISTS, Long.class)
                                            .setParameter(1, d.accountId())
                                            .setParameter(2, d.day())
                                            .getSingleResult()))
                    .map(n -> n == 0 ? Optional.of(d) : Optional.<Due>empty()))
        .collect()
        .asList()
        .map(found -> found.stream().flatMap(Optional::stream).toList());
  }
}
