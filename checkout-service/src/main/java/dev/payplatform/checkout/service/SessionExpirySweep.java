package dev.payplatform.checkout.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Marks sessions past their expiry as expired (and emits {@code checkout.session.expired}) on a
 * schedule. Reads never depend on it: a past {@code expires_at} reads as expired anyway.
 */
@ApplicationScoped
public class SessionExpirySweep {
  private static final Logger LOG = Logger.getLogger(SessionExpirySweep.class);
  private final SessionService sessions;

  public SessionExpirySweep(SessionService sessions) {
    this.sessions = sessions;
  }

  @Scheduled(
      every = "${checkout.session.sweep-interval}",
      delayed = "${checkout.session.sweep-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    return sessions
        .expireDue()
        .invoke(
            n -> {
              if (n > 0) {
                LOG.infof("expired %d checkout session(s)", n);
              }
            })
        .onFailure()
        .invoke(e -> LOG.warnf("the session expiry sweep failed (%s); it runs again shortly", e))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
