package dev.payplatform.edge.console.service;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.edge.audit.service.AuditEntry;
import dev.payplatform.edge.audit.service.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Function;

/** The console's actions in the audit log: who, what, from which address, and how it ended. */
@ApplicationScoped
public class ConsoleAudit {
  private final AuditTrail trail;

  public ConsoleAudit(AuditTrail trail) {
    this.trail = trail;
  }

  /** A console user's action, recorded with its answer's status. */
  public Uni<Void> record(
      String merchantId,
      String userId,
      String email,
      ConsoleAction action,
      Boolean livemode,
      String objectId,
      int status,
      String address) {
    return trail.record(
        new AuditEntry(
            merchantId,
            action.inMode() ? livemode : null,
            AuditEntry.Actor.USER,
            userId,
            email,
            action.action(),
            objectId,
            status,
            address,
            action.method(),
            action.path()));
  }

  /**
   * Runs a signed-in user's action and records it, done or refused, before the answer goes out.
   *
   * @param objectOf the object the action made or changed, from its result (null when none)
   */
  public <T> Uni<T> around(
      ConsoleSession by,
      ConsoleAction action,
      String address,
      int okStatus,
      Function<T, String> objectOf,
      String objectId,
      Uni<T> call) {
    return call.onItemOrFailure()
        .call(
            (item, failure) ->
                record(
                    by.merchantId(),
                    by.userId(),
                    by.email(),
                    action,
                    by.mode().livemode(),
                    failure == null && objectOf != null ? objectOf.apply(item) : objectId,
                    failure == null ? okStatus : statusOf(failure),
                    address));
  }

  /** The status a failure is answered with. */
  public static int statusOf(Throwable failure) {
    if (failure instanceof ApiException e) {
      return e.status();
    }
    if (failure instanceof ValidationFailedException) {
      return 422;
    }
    if (failure instanceof WebApplicationException e) {
      return e.getResponse().getStatus();
    }
    return 500;
  }
}
