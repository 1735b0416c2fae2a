package dev.payplatform.edge.proxy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.payplatform.edge.audit.service.ApiActions;
import dev.payplatform.edge.audit.service.AuditEntry;
import dev.payplatform.edge.audit.service.AuditTrail;
import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.console.service.ConsoleSession;
import dev.payplatform.edge.service.KeyPrincipal;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/**
 * Step 9: a state-changing call made with a secret key or a console session is written to the audit
 * log (docs/console.md, "Activity"). This step names it (who, what, from where); {@link Forward}
 * reports the service's answer, and the row is written before the caller gets it. A replayed
 * idempotent answer changed nothing, so it never gets here.
 */
@Singleton
class Audit implements Handler<RoutingContext> {
  private static final JsonFactory JSON = new JsonFactory();
  // An answer longer than this is not read for its id (no object is that large).
  private static final int MAX_ID_SCAN = 256 * 1024;

  private final AuditTrail trail;
  private final List<String> trustedProxies;

  Audit(AuditTrail trail, EdgeConfig config) {
    this.trail = trail;
    this.trustedProxies = config.trustedProxies().orElse(List.of());
  }

  @Override
  public void handle(RoutingContext rc) {
    EdgeExchange exchange = EdgeExchange.of(rc);
    HttpMethod method = rc.request().method();
    KeyPrincipal principal = exchange.principal();
    if (principal != null && method != HttpMethod.GET && method != HttpMethod.HEAD) {
      exchange.audit(entry(rc, principal, exchange.session()));
    }
    rc.next();
  }

  private AuditEntry entry(RoutingContext rc, KeyPrincipal principal, ConsoleSession session) {
    String method = rc.request().method().name();
    String path = rc.request().path();
    ApiActions.Named named = ApiActions.of(method, path);
    return new AuditEntry(
        principal.merchantId(),
        principal.mode().livemode(),
        session == null ? AuditEntry.Actor.API_KEY : AuditEntry.Actor.USER,
        session == null ? principal.keyId() : session.userId(),
        session == null ? null : session.email(),
        named.action(),
        named.objectId(),
        0,
        ClientAddress.of(rc.request(), trustedProxies),
        method,
        path);
  }

  /** Writes the row of an audited call with the status answered; nothing for any other call. */
  Uni<Void> answered(AuditEntry pending, int status, Buffer body) {
    if (pending == null) {
      return Uni.createFrom().voidItem();
    }
    AuditEntry entry = pending.withStatus(status);
    if (entry.objectId() == null && entry.succeeded() && body != null) {
      entry = entry.withObject(idOf(body));
    }
    return trail.record(entry);
  }

  /**
   * The id of the object a JSON answer made: its {@code id}, or the documented exceptions, a
   * checkout session's {@code session_id} and a hosted payment's {@code data.id_payment}; or null.
   */
  static String idOf(Buffer body) {
    if (body.length() == 0 || body.length() > MAX_ID_SCAN) {
      return null;
    }
    try (JsonParser p = JSON.createParser(body.getBytes())) {
      return p.nextToken() == JsonToken.START_OBJECT ? idIn(p, true) : null;
    } catch (IOException e) {
      return null;
    }
  }

  // Reads the object the parser is in; the top level may nest one "data" object.
  private static String idIn(JsonParser p, boolean top) throws IOException {
    String found = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      boolean named =
          value == JsonToken.VALUE_STRING
              && (field.equals("id") || field.equals("session_id") || field.equals("id_payment"));
      if (named && field.equals("id")) {
        return p.getText();
      }
      if (named && found == null) {
        found = p.getText();
      } else if (top && field.equals("data") && value == JsonToken.START_OBJECT) {
        String inner = idIn(p, false);
        found = found == null ? inner : found;
      } else {
        p.skipChildren();
      }
    }
    return found;
  }
}
