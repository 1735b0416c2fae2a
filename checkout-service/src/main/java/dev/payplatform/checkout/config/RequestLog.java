package dev.payplatform.checkout.config;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One line per request: method, path, status, time and request id. Bodies are never logged (they
 * carry card data on confirm), and the secrets a query may carry (checkout tokens, challenge
 * tokens, client secrets) are masked.
 */
@ApplicationScoped
public class RequestLog {
  private static final Logger LOG = Logger.getLogger("dev.payplatform.checkout.requests");
  private static final Set<String> SECRET_PARAMS = Set.of("data", "challenge", "client_secret");
  private static final Pattern PARAM = Pattern.compile("([^&=]+)=([^&]*)");

  private final boolean enabled;

  public RequestLog(CheckoutConfig config) {
    this.enabled = config.requestLog().enabled();
  }

  // After the request id filter (1000), so the line carries the id.
  @RouteFilter(900)
  void log(RoutingContext rc) {
    if (enabled && !rc.request().path().startsWith("/q/")) {
      long start = System.nanoTime();
      String method = rc.request().method().name();
      String target = rc.request().path() + maskQuery(rc.request().query());
      String requestId = rc.request().getHeader("X-Request-Id");
      rc.addEndHandler(
          done ->
              LOG.infof(
                  "%s %s -> %d in %d ms [req=%s]",
                  method,
                  target,
                  rc.response().getStatusCode(),
                  (System.nanoTime() - start) / 1_000_000,
                  requestId));
    }
    rc.next();
  }

  static String maskQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    Matcher m = PARAM.matcher(query);
    StringBuilder out = new StringBuilder("?");
    int last = 0;
    while (m.find()) {
      out.append(query, last, m.start());
      if (SECRET_PARAMS.contains(m.group(1))) {
        out.append(m.group(1)).append("=***");
      } else {
        out.append(m.group());
      }
      last = m.end();
    }
    return out.append(query.substring(last)).toString();
  }
}
