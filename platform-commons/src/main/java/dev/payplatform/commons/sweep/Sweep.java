package dev.payplatform.commons.sweep;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * One of a service's janitors: when it runs and one pass. Every bean of this type is scheduled by
 * {@link SweepSchedule} and run through {@link Sweeps#run}, so a sweep class holds only what it
 * looks for and how it resolves it.
 */
public interface Sweep {
  Schedule schedule();

  /** One pass; {@link Sweeps#resolveEach} runs one transaction per item when it goes by item. */
  Uni<Sweeps.Pass> pass();

  /**
   * @param name the sweep's name: its job and the {@code sweep} tag of its metrics
   * @param every how often a pass runs
   * @param firstAfter how long after start the first pass runs
   */
  record Schedule(String name, Duration every, Duration firstAfter) {
    /** The first pass one interval after start. */
    public Schedule(String name, Duration every) {
      this(name, every, every);
    }
  }
}
