package dev.payplatform.edge.console.service;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.console.domain.ConsoleRole;
import dev.payplatform.edge.service.SecretKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Server-side console sessions (docs/console.md, "Sessions"). The cookie holds 256 random bits; the
 * database keeps only their SHA-256. A session ends at logout, after {@code edge.console.idle-
 * timeout} without a request, after {@code edge.console.absolute-timeout} in any case, and when its
 * user is removed. The CSRF token is derived from the cookie's secret, so it needs no storage and a
 * page that cannot read the HttpOnly cookie cannot compute it.
 */
@ApplicationScoped
public class ConsoleSessions {
  public static final String COOKIE = "pp_console";

  /** A new session: the cookie's value (shown once, to the browser) and the session. */
  public record Started(String token, ConsoleSession session, Duration lifetime) {}

  private static final String LOOKUP =
      "select s.id, s.user_id, s.livemode, s.last_seen_at, s.expires_at, u.email, u.role,"
          + " m.id as merchant_id, m.name, m.gateway_account_id, m.rate_limit_test,"
          + " m.rate_limit_live"
          + " from console_session s join console_user u on u.id = s.user_id"
          + " join merchant m on m.id = s.merchant_id"
          + " where s.token_hash = $1 and s.ended_at is null and u.status = 'active'";

  private final Pool pool;
  private final InstantSource clock;
  private final Duration idleTimeout;
  private final Duration absoluteTimeout;

  public ConsoleSessions(
      Pool pool,
      InstantSource clock,
      @ConfigProperty(name = "edge.console.idle-timeout", defaultValue = "30m") Duration idle,
      @ConfigProperty(name = "edge.console.absolute-timeout", defaultValue = "12h")
          Duration absolute) {
    this.pool = pool;
    this.clock = clock;
    this.idleTimeout = idle;
    this.absoluteTimeout = absolute;
  }

  /** Starts a session for a user who just proved who they are; test mode first, as Stripe does. */
  public Uni<Started> start(String userId) {
    String token = Ids.randomToken(32);
    String id = Ids.newId("cse");
    Instant now = Timestamps.now(clock);
    return pool.preparedQuery(
            "insert into console_session (id, token_hash, user_id, merchant_id, livemode,"
                + " created_at, last_seen_at, expires_at)"
                + " select $1, $2, u.id, u.merchant_id, false, $3, $3, $4 from console_user u"
                + " where u.id = $5 and u.status = 'active'")
        .execute(Tuple.of(id, hashBuffer(token), utc(now), utc(now.plus(absoluteTimeout)), userId))
        .chain(() -> authenticate(token))
        .map(
            s ->
                new Started(
                    token,
                    s.orElseThrow(() -> new IllegalStateException("session vanished")),
                    absoluteTimeout));
  }

  /** The live session this cookie value names, or empty (unknown, ended, idle or too old). */
  public Uni<Optional<ConsoleSession>> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Uni.createFrom().item(Optional.empty());
    }
    Instant now = clock.instant();
    return pool.preparedQuery(LOOKUP)
        .execute(Tuple.of(hashBuffer(token)))
        .chain(
            rows -> {
              RowIterator<Row> it = rows.iterator();
              if (!it.hasNext()) {
                return Uni.createFrom().item(Optional.<ConsoleSession>empty());
              }
              Row r = it.next();
              Instant lastSeen = r.getOffsetDateTime("last_seen_at").toInstant();
              Instant expires = r.getOffsetDateTime("expires_at").toInstant();
              if (!now.isBefore(expires) || !now.isBefore(lastSeen.plus(idleTimeout))) {
                return Uni.createFrom().item(Optional.<ConsoleSession>empty());
              }
              ConsoleSession session = session(r, token);
              // Touch at most once a minute: the idle clock needs minutes, not every request.
              if (Duration.between(lastSeen, now).compareTo(Duration.ofMinutes(1)) < 0) {
                return Uni.createFrom().item(Optional.of(session));
              }
              return pool.preparedQuery(
                      "update console_session set last_seen_at = $2 where id = $1")
                  .execute(Tuple.of(session.sessionId(), utc(Timestamps.now(clock))))
                  .replaceWith(Optional.of(session));
            });
  }

  public Uni<Void> end(String token) {
    if (token == null || token.isBlank()) {
      return Uni.createFrom().voidItem();
    }
    return pool.preparedQuery(
            "update console_session set ended_at = $2 where token_hash = $1 and ended_at is null")
        .execute(Tuple.of(hashBuffer(token), utc(Timestamps.now(clock))))
        .replaceWithVoid();
  }

  /** Ends every session of a user (removed from the team). */
  public Uni<Void> endAllOf(String userId) {
    return pool.preparedQuery(
            "update console_session set ended_at = $2 where user_id = $1 and ended_at is null")
        .execute(Tuple.of(userId, utc(Timestamps.now(clock))))
        .replaceWithVoid();
  }

  public Uni<Optional<ConsoleSession>> switchMode(String token, Mode mode) {
    return pool.preparedQuery(
            "update console_session set livemode = $2 where token_hash = $1 and ended_at is null")
        .execute(Tuple.of(hashBuffer(token), mode.livemode()))
        .chain(() -> authenticate(token));
  }

  /** The CSRF token of a session cookie value: SHA-256 of a label and the secret, base64url. */
  public static String csrfFor(String token) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(SecretKeys.hash("payplatform-console-csrf:" + token));
  }

  /** Whether a presented CSRF token belongs to this cookie value (constant-time comparison). */
  public static boolean csrfMatches(String token, String presented) {
    if (token == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        csrfFor(token).getBytes(StandardCharsets.US_ASCII),
        presented.strip().getBytes(StandardCharsets.US_ASCII));
  }

  private static ConsoleSession session(Row r, String token) {
    return new ConsoleSession(
        r.getString("id"),
        r.getString("user_id"),
        r.getString("email"),
        ConsoleRole.fromWord(r.getString("role")).orElse(ConsoleRole.VIEWER),
        r.getString("merchant_id"),
        r.getString("name"),
        r.getString("gateway_account_id"),
        r.getInteger("rate_limit_test"),
        r.getInteger("rate_limit_live"),
        Mode.of(r.getBoolean("livemode")),
        csrfFor(token));
  }

  /** A core Buffer: {@code Tuple.of} binds it as bytea (a Mutiny Buffer is not unwrapped). */
  static io.vertx.core.buffer.Buffer hashBuffer(String token) {
    return io.vertx.core.buffer.Buffer.buffer(SecretKeys.hash(token));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
