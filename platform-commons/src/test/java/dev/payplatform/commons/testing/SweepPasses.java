package dev.payplatform.commons.testing;

import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs one pass of a sweep in a test, as the scheduler runs it. */
public final class SweepPasses {
  private SweepPasses() {}

  /** One pass, on a duplicated Vert.x context flagged safe (as the scheduler's jobs run). */
  public static Sweeps.Pass runOnce(Vertx vertx, Sweep sweep) throws Exception {
    CompletableFuture<Sweeps.Pass> done = new CompletableFuture<>();
    Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(
        v -> {
          try {
            sweep.pass().subscribe().with(done::complete, done::completeExceptionally);
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
          }
        });
    return done.get(30, TimeUnit.SECONDS);
  }
}
