package dev.payplatform.edge.proxy;

import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.service.AnonymousLimits;
import dev.payplatform.edge.service.KeyPrincipal;
import dev.payplatform.edge.service.RateLimiter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Step 6: rate limits (docs/decisions/0004). A merchant's requests per second by key and mode, with
 * {@code X-RateLimit-*} headers; on a public route, requests per client address, and visits per
 * payment link on a link's page (each visit starts a payment and signs a token). 429 with {@code
 * Retry-After} past a limit.
 */
@Singleton
class Limit implements Handler<RoutingContext> {
  private final RateLimiter merchants;
  private final AnonymousLimits anonymous;
  private final List<String> trustedProxies;

  Limit(RateLimiter merchants, AnonymousLimits anonymous, EdgeConfig config) {
    this.merchants = merchants;
    this.anonymous = anonymous;
    this.trustedProxies = config.trustedProxies().orElse(List.of());
  }

  @Override
  public void handle(RoutingContext rc) {
    KeyPrincipal principal = EdgeExchange.of(rc).principal();
    if (principal == null ? withinAnonymousLimits(rc) : withinMerchantLimit(rc, principal)) {
      rc.next();
    }
  }

  private boolean withinMerchantLimit(RoutingContext rc, KeyPrincipal principal) {
    RateLimiter.Decision decision = merchants.tryAcquire(principal);
    rc.response().putHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
    rc.response().putHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
    if (decision.allowed()) {
      return true;
    }
    EdgeResponses.tooManyRequests(
        rc,
        decision.retryAfterSeconds(),
        "Rate limit of " + decision.limit() + " requests per second exceeded. Retry later.");
    return false;
  }

  private boolean withinAnonymousLimits(RoutingContext rc) {
    String path = rc.request().path();
    AnonymousLimits.Decision decision =
        anonymous.client(ClientAddress.of(rc.request(), trustedProxies));
    if (decision.allowed() && isLinkVisit(rc, path)) {
      decision = anonymous.linkVisit(path.substring("/link/".length()));
    }
    if (decision.allowed()) {
      return true;
    }
    EdgeResponses.tooManyRequests(
        rc,
        decision.retryAfterSeconds(),
        "Too many requests for this " + decision.per() + ". Retry later.");
    return false;
  }

  // GET /link/{id}: the page that mints a payment (not its thanks page).
  private static boolean isLinkVisit(RoutingContext rc, String path) {
    return rc.request().method() == HttpMethod.GET
        && path.startsWith("/link/")
        && path.indexOf('/', "/link/".length()) < 0;
  }
}
