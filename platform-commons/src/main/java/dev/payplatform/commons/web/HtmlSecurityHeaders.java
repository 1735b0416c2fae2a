package dev.payplatform.commons.web;

import dev.payplatform.commons.config.HttpConfig;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The security headers of every HTML page any service serves (checkout's pay and 3-D Secure pages,
 * billing's link pages, the HTML error pages), set in one place: scripts, styles and images only
 * from the page's own origin; never framed (clickjacking); the URL, which may carry a checkout
 * token, never sent on as a Referer; never cached. A page that sets a header itself keeps its own.
 * HSTS is added where {@code platform.http.hsts} is on (the Kubernetes profile, behind TLS).
 */
@ApplicationScoped
public class HtmlSecurityHeaders {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
  static final String HSTS = "max-age=31536000; includeSubDomains";

  private final boolean hsts;

  public HtmlSecurityHeaders(HttpConfig config) {
    this.hsts = config.hsts();
  }

  @RouteFilter(900)
  void onHtml(RoutingContext rc) {
    rc.addHeadersEndHandler(
        ignored -> {
          MultiMap headers = rc.response().headers();
          String type = headers.get("Content-Type");
          if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")) {
            return;
          }
          setIfAbsent(headers, "Content-Security-Policy", CSP);
          setIfAbsent(headers, "X-Frame-Options", "DENY");
          setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
          setIfAbsent(headers, "Referrer-Policy", "no-referrer");
          setIfAbsent(headers, "Cache-Control", "no-store");
          if (hsts) {
            setIfAbsent(headers, "Strict-Transport-Security", HSTS);
          }
        });
    rc.next();
  }

  private static void setIfAbsent(MultiMap headers, String name, String value) {
    if (!headers.contains(name)) {
      headers.set(name, value);
    }
  }
}
