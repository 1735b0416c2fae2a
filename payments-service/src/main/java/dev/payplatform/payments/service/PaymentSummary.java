package dev.payplatform.payments.service;

import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A merchant's payments per UTC day and currency over the last N days, for the console's home page:
 * how many, how many succeeded or failed, the succeeded volume and what was refunded of it. One
 * grouped query on the merchant's created-at index; the rows never leave the service.
 */
@ApplicationScoped
public class PaymentSummary {
  public static final int MAX_DAYS = 90;

  /** One UTC day in one currency; amounts in minor units. */
  public record Day(
      LocalDate date,
      String currency,
      long count,
      long succeeded,
      long failed,
      long volume,
      long refunded) {}

  /** The same, summed per currency over the whole window. */
  public record Totals(
      String currency, long count, long succeeded, long failed, long volume, long refunded) {}

  public record Summary(LocalDate since, List<Day> days, List<Totals> totals) {
    /** Succeeded over decided (succeeded + failed), or null when nothing was decided. */
    public Double successRate() {
      long ok = totals.stream().mapToLong(Totals::succeeded).sum();
      long failed = totals.stream().mapToLong(Totals::failed).sum();
      return ok + failed == 0 ? null : (double) ok / (ok + failed);
    }
  }

  private static final String SUCCEEDED = "('completed', 'partially_refunded', 'refunded')";
  private static final String BY_DAY =
      "select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD'), currency, count(*),"
          + " count(*) filter (where status in "
          + SUCCEEDED
          + "), count(*) filter (where status = 'failed'),"
          + " coalesce(sum(amount) filter (where status in "
          + SUCCEEDED
          + "), 0), coalesce(sum(refunded_total), 0)"
          + " from payment where merchant_id = ?1 and livemode = ?2 and created_at >= ?3"
          + " group by 1, 2 order by 1, 2";

  private final InstantSource clock;

  public PaymentSummary(InstantSource clock) {
    this.clock = clock;
  }

  /** The last {@code days} UTC days, today included. */
  @WithSession
  public Uni<Summary> of(String merchantId, boolean livemode, int days) {
    LocalDate today = LocalDate.ofInstant(Timestamps.now(clock), ZoneOffset.UTC);
    LocalDate since = today.minusDays(days - 1L);
    Instant from = since.atStartOfDay(ZoneOffset.UTC).toInstant();
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(BY_DAY, Object[].class)
                    .setParameter(1, merchantId)
                    .setParameter(2, livemode)
                    .setParameter(3, from)
                    .getResultList())
        .map(
            rows -> {
              List<Day> byDay = new ArrayList<>();
              Map<String, long[]> sums = new TreeMap<>();
              for (Object[] r : rows) {
                Day d =
                    new Day(
                        LocalDate.parse((String) r[0]),
                        ((String) r[1]).strip(),
                        number(r[2]),
                        number(r[3]),
                        number(r[4]),
                        number(r[5]),
                        number(r[6]));
                byDay.add(d);
                long[] t = sums.computeIfAbsent(d.currency(), c -> new long[5]);
                t[0] += d.count();
                t[1] += d.succeeded();
                t[2] += d.failed();
                t[3] += d.volume();
                t[4] += d.refunded();
              }
              List<Totals> totals = new ArrayList<>();
              sums.forEach((c, t) -> totals.add(new Totals(c, t[0], t[1], t[2], t[3], t[4])));
              return new Summary(since, byDay, totals);
            });
  }

  private static long number(Object o) {
    return ((Number) o).longValue();
  }
}
