package dev.payplatform.edge.audit.service;

/**
 * One call to record: who (a console user or an API key) did what (an action, on an object) for
 * which merchant and mode, from which address, with which answer.
 *
 * @param livemode null for what belongs to no mode (sign-ins, the team, two-factor)
 * @param actorEmail the user's address; null for a key
 * @param status the HTTP status answered; 2xx and 3xx are successes
 */
public record AuditEntry(
    String merchantId,
    Boolean livemode,
    Actor actor,
    String actorId,
    String actorEmail,
    String action,
    String objectId,
    int status,
    String ipAddress,
    String method,
    String path) {

  /** Who acted. */
  public enum Actor {
    USER,
    API_KEY;

    public String word() {
      return this == USER ? "user" : "api_key";
    }
  }

  public boolean succeeded() {
    return status < 400;
  }

  public AuditEntry withStatus(int answered) {
    return new AuditEntry(
        merchantId,
        livemode,
        actor,
        actorId,
        actorEmail,
        action,
        objectId,
        answered,
        ipAddress,
        method,
        path);
  }

  public AuditEntry withObject(String id) {
    return new AuditEntry(
        merchantId,
        livemode,
        actor,
        actorId,
        actorEmail,
        action,
        id,
        status,
        ipAddress,
        method,
        path);
  }
}
