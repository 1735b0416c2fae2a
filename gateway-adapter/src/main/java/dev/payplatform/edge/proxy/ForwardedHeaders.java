package dev.payplatform.edge.proxy;

import dev.payplatform.commons.web.RequestIds;
import dev.payplatform.edge.config.EdgeConfig;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Header hygiene on the way through: what a service may see of the client's request (never its key,
 * cookie or forged forwarding headers; always the edge's own view of the client), and what the
 * client may see of the service's answer.
 */
@Singleton
class ForwardedHeaders {
  /** The buyer's address as the edge determined it, for the services' fraud rules. */
  static final String CLIENT_ADDRESS_HEADER = "x-client-address";

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length");

  private static final Set<String> NEVER_FORWARDED =
      Set.of(
          "x-api-key",
          "authorization",
          "x-forwarded-for",
          "x-forwarded-proto",
          "x-forwarded-host",
          // The console's session cookie is the edge's alone; no service needs a cookie.
          "cookie",
          "x-csrf-token",
          // The edge's client span injects its own: a service's span is a child of the edge's.
          "traceparent",
          "tracestate",
          CLIENT_ADDRESS_HEADER);

  private final List<String> trustedProxies;

  ForwardedHeaders(EdgeConfig config) {
    this.trustedProxies = config.trustedProxies().orElse(List.of());
  }

  /** The client's headers a service may see, the internal JWT, and the edge's forwarding view. */
  void toService(HttpServerRequest from, HttpClientRequest to, String token) {
    for (Map.Entry<String, String> h : from.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !NEVER_FORWARDED.contains(name)) {
        to.headers().add(h.getKey(), h.getValue());
      }
    }
    if (token != null) {
      to.putHeader("Authorization", "Bearer " + token);
    }
    // Only the edge says who the client is (an incoming X-Client-Address is dropped above).
    to.putHeader(CLIENT_ADDRESS_HEADER, ClientAddress.of(from, trustedProxies));
    String client = from.remoteAddress() == null ? "unknown" : from.remoteAddress().hostAddress();
    String priorFor = from.getHeader("X-Forwarded-For");
    to.putHeader("X-Forwarded-For", priorFor == null ? client : priorFor + ", " + client);
    String proto = from.getHeader("X-Forwarded-Proto");
    to.putHeader("X-Forwarded-Proto", proto != null ? proto : from.scheme());
    String host = from.getHeader("X-Forwarded-Host");
    String requestHost = from.authority() == null ? null : from.authority().toString();
    if (host != null || requestHost != null) {
      to.putHeader("X-Forwarded-Host", host != null ? host : requestHost);
    }
  }

  /** The service's answer headers, without hop-by-hop ones and its own request id. */
  void toClient(HttpClientResponse from, RoutingContext rc) {
    for (Map.Entry<String, String> h : from.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (HOP_BY_HOP.contains(name) && !name.equals("content-length")) {
        continue;
      }
      if (name.equals(RequestIds.HEADER.toLowerCase(Locale.ROOT))) {
        continue; // the edge already answers with the request id
      }
      rc.response().headers().add(h.getKey(), h.getValue());
    }
    if (from.getHeader("Content-Length") == null) {
      rc.response().setChunked(true);
    }
  }
}
