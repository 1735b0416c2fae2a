package dev.payplatform.edge.audit.rest;

import dev.payplatform.edge.audit.domain.AuditEvent;
import java.time.temporal.ChronoUnit;

/** An audit log row as the API shows it: who did what, when, from where, and how it ended. */
public record AuditEventResponse(
    String id,
    String object,
    String createdAt,
    String action,
    String outcome,
    int status,
    AuditActorResponse actor,
    String objectId,
    Boolean livemode,
    String ipAddress,
    AuditRequestResponse request) {

  /** Who acted: a console user (with their address) or an API key. */
  public record AuditActorResponse(String type, String id, String email) {}

  /** The call that was made. */
  public record AuditRequestResponse(String method, String path) {}

  static AuditEventResponse of(AuditEvent e) {
    return new AuditEventResponse(
        e.id,
        "audit_event",
        e.createdAt.truncatedTo(ChronoUnit.SECONDS).toString(),
        e.action,
        e.outcome,
        e.status,
        new AuditActorResponse(e.actorType, e.actorId, e.actorEmail),
        e.objectId,
        e.livemode,
        e.ipAddress,
        new AuditRequestResponse(e.method, e.path));
  }
}
