package dev.payplatform.edge.console.service;

import dev.payplatform.commons.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Deletes console sessions a week after they ended or expired, and invites a week after they
 * expired: long enough to answer "who was signed in", short enough that the tables stay small.
 */
@ApplicationScoped
public class ConsoleHousekeeping {
  static final Duration KEPT = Duration.ofDays(7);

  private final Pool pool;
  private final InstantSource clock;

  public ConsoleHousekeeping(Pool pool, InstantSource clock) {
    this.pool = pool;
    this.clock = clock;
  }

  @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> purge() {
    var before = ConsoleSessions.utc(Timestamps.now(clock).minus(KEPT));
    return pool.preparedQuery("delete from console_session where expires_at < $1 or ended_at < $1")
        .execute(Tuple.of(before))
        .chain(
            () ->
                pool.preparedQuery("delete from console_invite where expires_at < $1")
                    .execute(Tuple.of(before)))
        .replaceWithVoid();
  }
}
