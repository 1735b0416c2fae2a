package dev.payplatform.commons.sweep;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * One of a service's janitors: its name (the {@code sweep} tag of its metrics), how often it runs,
 * and one pass. Every bean of this type is scheduled by {@link SweepSchedule} and run through
 * {@link Sweeps#run}, so a sweep class holds only what it looks for and how it resolves it.
 */
public interface Sweep {
  String name();

  /** How often a pass runs. */
  Duration every();

  /** How long after start the first pass runs; one interval unless the sweep says otherwise. */
  default Duration firstAfter() {
    return every();
  }

  /** One pass; {@link Sweeps#resolveEach} runs one transaction per item when it goes by item. */
  Uni<Sweeps.Pass> pass();
}
