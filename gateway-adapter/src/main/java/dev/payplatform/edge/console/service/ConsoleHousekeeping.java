package dev.payplatform.edge.console.service;

import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.console.domain.ConsoleInvite;
import dev.payplatform.edge.console.domain.ConsoleSessionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Deletes console sessions a week after they ended or expired, and invites a week after they
 * expired: long enough to answer "who was signed in", short enough that the tables stay small.
 */
@ApplicationScoped
public class ConsoleHousekeeping {
  static final Duration KEPT = Duration.ofDays(7);

  private final InstantSource clock;

  public ConsoleHousekeeping(InstantSource clock) {
    this.clock = clock;
  }

  // Two bulk deletes, each its own transaction.
  @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> purge() {
    Instant before = Timestamps.now(clock).minus(KEPT);
    return Panache.withTransaction(
            () -> ConsoleSessionEntity.delete("expiresAt < ?1 or endedAt < ?1", before))
        .chain(() -> Panache.withTransaction(() -> ConsoleInvite.delete("expiresAt < ?1", before)))
        .replaceWithVoid();
  }
}
