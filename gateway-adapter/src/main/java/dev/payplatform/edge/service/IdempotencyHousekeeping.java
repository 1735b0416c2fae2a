package dev.payplatform.edge.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Removes idempotency records past their 24 h (expired ones are also reused in place). */
@ApplicationScoped
public class IdempotencyHousekeeping {
  private final IdempotencyStore store;

  public IdempotencyHousekeeping(IdempotencyStore store) {
    this.store = store;
  }

  @Scheduled(
      every = "10m",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> purge() {
    return store.purgeExpired().replaceWithVoid();
  }
}
