package dev.payplatform.edge.proxy;

import dev.payplatform.commons.web.RouteTable;
import dev.payplatform.edge.audit.service.AuditEntry;
import dev.payplatform.edge.console.service.ConsoleSession;
import dev.payplatform.edge.service.KeyPrincipal;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * What the pipeline's steps have learnt about one proxied request, kept on its routing context: the
 * route and its service, who is calling, the internal JWT, and an idempotent request's body. A
 * request without one is not the pipeline's (the console's API, health, the edge's own pages).
 */
public final class EdgeExchange {
  private static final String KEY = EdgeExchange.class.getName();

  private RouteTable.Route route;
  private UpstreamReplicas upstream;
  private KeyPrincipal principal;
  private ConsoleSession session;
  private String token;
  private IdempotentCall idempotent;
  private AuditEntry audit;

  private EdgeExchange() {}

  /** The first step marks a request as the pipeline's. */
  static EdgeExchange begin(RoutingContext rc) {
    EdgeExchange exchange = new EdgeExchange();
    rc.put(KEY, exchange);
    return exchange;
  }

  /** This request's exchange, or null when it is not a proxied request. */
  public static EdgeExchange of(RoutingContext rc) {
    return rc.get(KEY);
  }

  RouteTable.Route route() {
    return route;
  }

  /** The service's replicas. */
  UpstreamReplicas upstream() {
    return upstream;
  }

  void routed(RouteTable.Route route, UpstreamReplicas upstream) {
    this.route = route;
    this.upstream = upstream;
  }

  /** The merchant and mode the caller acts for; null on a public route. */
  public KeyPrincipal principal() {
    return principal;
  }

  /** The console session that authenticated the request; null when a key did. */
  public ConsoleSession session() {
    return session;
  }

  void authenticated(KeyPrincipal principal, ConsoleSession session) {
    this.principal = principal;
    this.session = session;
  }

  /** The internal JWT the services get; null on a public route. */
  String token() {
    return token;
  }

  void token(String token) {
    this.token = token;
  }

  /** The claimed idempotent request, or null when the request streams through. */
  IdempotentCall idempotent() {
    return idempotent;
  }

  void idempotent(IdempotentCall call) {
    this.idempotent = call;
  }

  /** The audit log's entry for this call, or null when it is not audited. */
  AuditEntry audit() {
    return audit;
  }

  void audit(AuditEntry entry) {
    this.audit = entry;
  }

  /**
   * A POST whose {@code Idempotency-Key} was claimed: its body (read whole, to fingerprint it) and
   * what to do with the service's answer.
   */
  record IdempotentCall(Buffer body, AnswerKeeper keeper) {}
}
