package dev.payplatform.commons.web;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Work that finishes on another thread (a worker, a library's own threads) answered back on the
 * caller's Vert.x context: Hibernate Reactive sessions and the reactive PostgreSQL client belong to
 * that context, and the database calls that follow must run there.
 */
public final class CallerContext {
  private CallerContext() {}

  /** {@code work}'s outcome delivered on {@code context} (as it is when there is none). */
  public static <T> Uni<T> backTo(Context context, Uni<T> work) {
    return context == null
        ? work
        : work.emitOn(task -> context.runOnContext(ignored -> task.run()));
  }

  /** {@code work}'s outcome delivered on the context current when it is subscribed to. */
  public static <T> Uni<T> backToCaller(Uni<T> work) {
    return Uni.createFrom().deferred(() -> backTo(Vertx.currentContext(), work));
  }

  /** Blocking or CPU-heavy work on a worker thread, answered on the caller's context. */
  public static <T> Uni<T> onWorker(Supplier<T> work) {
    return backToCaller(
        Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
  }
}
