package dev.payplatform.commons.retention;

import dev.payplatform.commons.config.RetentionConfig;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;

/**
 * Deletes one kind of row once it is older than its retention, as one of the commons sweeps (its
 * metrics are the sweeps': {@code platform_sweep_resolved_total{sweep="retention-…"}} counts the
 * rows deleted). A pass deletes in batches of {@link RetentionConfig#batch()}, each its own short
 * transaction, until a batch comes back short or the pass has run its share of batches.
 *
 * <p>{@link Batch#sql()} is one {@code delete} taking the cutoff as {@code ?1} and the batch size
 * as {@code ?2}, choosing its rows with {@code for update skip locked}, so replicas sweeping at
 * once never wait on each other and never delete a row twice. Money records (payments, the ledger,
 * refunds, payouts, disputes) never get one of these.
 */
public class RetentionSweep implements Sweep {
  /**
   * What one sweep deletes.
   *
   * @param name the sweep's name ({@code retention-<what>})
   * @param retention rows older than this go
   * @param sql the batch delete ({@code ?1} the cutoff, {@code ?2} the batch size)
   * @param before SQL run first in each batch's transaction, or null (a setting the delete needs)
   */
  public record Batch(String name, Duration retention, String sql, String before) {
    public Batch(String name, Duration retention, String sql) {
      this(name, retention, sql, null);
    }
  }

  private final Batch batch;
  private final InstantSource clock;
  private final Sweep.Schedule schedule;
  private final int size;
  private final int maxBatches;

  protected RetentionSweep(Batch batch, InstantSource clock, RetentionConfig config) {
    this.batch = batch;
    this.clock = clock;
    this.size = Math.max(1, config.batch());
    this.maxBatches = Math.max(1, config.maxBatchesPerPass());
    // The first pass soon after start, so a backlog left while the service was down goes first.
    this.schedule = new Sweep.Schedule(batch.name(), config.every(), Duration.ofSeconds(30));
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  @Override
  public Uni<Sweeps.Pass> pass() {
    Instant cutoff = Timestamps.now(clock).minus(batch.retention());
    return deleteFrom(cutoff, 0, 0).map(deleted -> new Sweeps.Pass(deleted, deleted));
  }

  private Uni<Long> deleteFrom(Instant cutoff, int batchesDone, long deletedSoFar) {
    return deleteOneBatch(cutoff)
        .chain(
            deleted -> {
              long total = deletedSoFar + deleted;
              return deleted < size || batchesDone + 1 >= maxBatches
                  ? Uni.createFrom().item(total)
                  : deleteFrom(cutoff, batchesDone + 1, total);
            });
  }

  private Uni<Integer> deleteOneBatch(Instant cutoff) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s -> {
                      Uni<?> before =
                          batch.before() == null
                              ? Uni.createFrom().voidItem()
                              : s.createNativeQuery(batch.before()).getResultList();
                      return before.chain(
                          () ->
                              s.createNativeQuery(batch.sql())
                                  .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
                                  .setParameter(2, size)
                                  .executeUpdate());
                    }));
  }
}
