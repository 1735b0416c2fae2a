package dev.payplatform.commons.sweep;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A sweep over the items overdue when its pass starts, each resolved in its own transaction (so one
 * failure does not undo the others) under its row's lock, re-checked there, so that replicas
 * sweeping at once resolve each item exactly once.
 */
public interface ItemSweep<T> extends Sweep {
  /** The items overdue now, a bounded batch of them. */
  Uni<List<T>> due();

  /** Resolves one item if it is still overdue under its lock: true when this pass resolved it. */
  Uni<Boolean> resolve(T item);

  @Override
  default Uni<Sweeps.Pass> pass() {
    return due().chain(items -> Sweeps.resolveEach(items, this::resolve));
  }
}
