package dev.payplatform.payments.service.fees;

import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.FxRate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The FX rates table: units of each currency per 1 USD, append-only so every update is kept with
 * its time. Completions read the current rates inside their own transaction and freeze them on the
 * payment.
 */
@ApplicationScoped
public class FxRates {
  private static final Logger LOG = Logger.getLogger(FxRates.class);
  private static final String CURRENT =
      "select distinct on (currency) id, currency, units_per_usd, recorded_at, source"
          + " from fx_rate order by currency, recorded_at desc, id desc";

  private final InstantSource clock;

  public FxRates(InstantSource clock) {
    this.clock = clock;
  }

  /** A page of current rates, one per currency, by currency code. */
  public record CurrentRates(List<FxRate> rates, long total) {}

  @WithSession
  public Uni<CurrentRates> current(PageRequest page) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select * from (" + CURRENT + ") r order by currency limit ?1 offset ?2",
                        FxRate.class)
                    .setParameter(1, page.limit())
                    .setParameter(2, page.offset())
                    .getResultList()
                    .chain(
                        rates ->
                            s.createNativeQuery(
                                    "select count(distinct currency) from fx_rate", Long.class)
                                .getSingleResult()
                                .map(total -> new CurrentRates(rates, total))));
  }

  /** A currency's recorded rates, newest first. */
  @WithSession
  public Uni<List<FxRate>> history(String currency, PageRequest page) {
    return FxRate.<FxRate>find(
            "currency = ?1",
            Sort.descending("recordedAt").and("id", Sort.Direction.Descending),
            currency)
        .range(page.offset(), page.offset() + page.limit() - 1)
        .list();
  }

  @WithSession
  public Uni<Long> historyCount(String currency) {
    return FxRate.count("currency = ?1", currency);
  }

  /** Records a new current rate for {@code currency}; the previous ones stay as history. */
  @WithTransaction
  public Uni<FxRate> record(String currency, BigDecimal unitsPerUsd, String source) {
    FxRate rate = new FxRate();
    rate.currency = currency;
    rate.unitsPerUsd = unitsPerUsd;
    rate.recordedAt = Timestamps.now(clock);
    rate.source = source;
    return rate.<FxRate>persist()
        .invoke(
            r -> LOG.infof("FX rate %s = %s per USD recorded (%s)", currency, unitsPerUsd, source));
  }

  /**
   * The current rate of each of {@code currencies} that has one, inside the caller's session or
   * transaction (no annotation: completion calls it from the consumer's transaction).
   */
  public Uni<Map<String, BigDecimal>> currentFor(String... currencies) {
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    Uni<Void> lookups = Uni.createFrom().voidItem();
    for (String code : new LinkedHashSet<>(List.of(currencies))) {
      // One after the other: a reactive session runs one statement at a time.
      lookups =
          lookups.chain(
              () ->
                  FxRate.<FxRate>find(
                          "currency = ?1",
                          Sort.descending("recordedAt").and("id", Sort.Direction.Descending),
                          code)
                      .firstResult()
                      .invoke(
                          r -> {
                            if (r != null) {
                              rates.put(code, r.unitsPerUsd);
                            }
                          })
                      .replaceWithVoid());
    }
    return lookups.replaceWith(rates);
  }
}
