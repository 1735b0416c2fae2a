package dev.payplatform.edge.console.service;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.console.domain.ConsoleRole;
import dev.payplatform.edge.console.domain.ConsoleSessionEntity;
import dev.payplatform.edge.console.domain.SessionStage;
import dev.payplatform.edge.service.SecretKeys;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/**
 * Server-side console sessions (docs/console.md, "Sessions"). The cookie holds 256 random bits; the
 * database keeps only their SHA-256. A session ends at logout, after {@code edge.console.idle-
 * timeout} without a request, after {@code edge.console.absolute-timeout} in any case, and when its
 * user is removed. The CSRF token is derived from the cookie's secret, so it needs no storage and a
 * page that cannot read the HttpOnly cookie cannot compute it.
 *
 * <p>The edge's request pipeline asks this class one question, {@link #authenticate}: who is this
 * session (docs/decisions/0022-console-backend-package.md).
 */
@ApplicationScoped
public class ConsoleSessions {
  public static final String COOKIE = "pp_console";

  /** A new session: the cookie's value (shown once, to the browser) and the session. */
  public record Started(String token, ConsoleSession session, Duration lifetime) {}

  /*
   * Native: one statement creates the session only while its user is active, so a removal racing
   * a sign-in cannot leave a live session behind. Its stage is decided in the same statement: the
   * code next for a user with an authenticator, an enrolment when the team requires one.
   */
  private static final String START =
      "insert into console_session (id, token_hash, user_id, merchant_id, livemode,"
          + " created_at, last_seen_at, expires_at, stage)"
          + " select ?1, cast(?2 as bytea), u.id, u.merchant_id, false, cast(?3 as timestamptz),"
          + " cast(?3 as timestamptz), cast(?4 as timestamptz),"
          + " case when u.totp_enabled_at is not null then 'two_factor'"
          + " when m.console_requires_two_factor then 'enrol_two_factor' else 'signed_in' end"
          + " from console_user u join merchant m on m.id = u.merchant_id"
          + " where u.id = ?5 and u.status = 'active'";

  private static final String LOOKUP =
      "select s.id, s.userId, s.livemode, s.lastSeenAt, s.expiresAt, u.email, u.role,"
          + " m.id, m.name, m.gatewayAccountId, m.rateLimitTest, m.rateLimitLive, s.stage,"
          + " u.totpEnabledAt"
          + " from ConsoleSessionEntity s join ConsoleUser u on u.id = s.userId"
          + " join Merchant m on m.id = s.merchantId"
          + " where s.tokenHash = :hash and s.endedAt is null and u.status = 'active'";

  private final InstantSource clock;
  private final Duration idleTimeout;
  private final Duration absoluteTimeout;

  public ConsoleSessions(InstantSource clock, EdgeConfig config) {
    this.clock = clock;
    this.idleTimeout = config.console().idleTimeout();
    this.absoluteTimeout = config.console().absoluteTimeout();
  }

  /** Starts a session for a user who just proved who they are; test mode first, as Stripe does. */
  @WithSession
  public Uni<Started> start(String userId) {
    String token = Ids.randomToken(32);
    String id = Ids.newId("cse");
    Instant now = Timestamps.now(clock);
    return Panache.withTransaction(
            () ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createNativeQuery(START)
                                .setParameter(1, id)
                                .setParameter(2, SecretKeys.hash(token))
                                .setParameter(3, utc(now))
                                .setParameter(4, utc(now.plus(absoluteTimeout)))
                                .setParameter(5, userId)
                                .executeUpdate()))
        .chain(() -> authenticate(token))
        .map(
            s ->
                new Started(
                    token,
                    s.orElseThrow(() -> new IllegalStateException("session vanished")),
                    absoluteTimeout));
  }

  /** The live session this cookie value names, or empty (unknown, ended, idle or too old). */
  @WithSession
  public Uni<Optional<ConsoleSession>> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Uni.createFrom().item(Optional.empty());
    }
    Instant now = clock.instant();
    return Panache.getSession()
        .chain(
            s ->
                s.createSelectionQuery(LOOKUP, Object[].class)
                    .setParameter("hash", SecretKeys.hash(token))
                    .getSingleResultOrNull())
        .chain(
            r -> {
              if (r == null) {
                return Uni.createFrom().item(Optional.<ConsoleSession>empty());
              }
              Instant lastSeen = (Instant) r[3];
              Instant expires = (Instant) r[4];
              if (!now.isBefore(expires) || !now.isBefore(lastSeen.plus(idleTimeout))) {
                return Uni.createFrom().item(Optional.<ConsoleSession>empty());
              }
              ConsoleSession session = session(r, token);
              // Touch at most once a minute: the idle clock needs minutes, not every request.
              if (Duration.between(lastSeen, now).compareTo(Duration.ofMinutes(1)) < 0) {
                return Uni.createFrom().item(Optional.of(session));
              }
              return Panache.withTransaction(
                      () ->
                          ConsoleSessionEntity.update(
                              "lastSeenAt = ?2 where id = ?1",
                              session.sessionId(),
                              Timestamps.now(clock)))
                  .replaceWith(Optional.of(session));
            });
  }

  @WithTransaction
  public Uni<Void> end(String token) {
    if (token == null || token.isBlank()) {
      return Uni.createFrom().voidItem();
    }
    return ConsoleSessionEntity.update(
            "endedAt = ?2 where tokenHash = ?1 and endedAt is null",
            SecretKeys.hash(token),
            Timestamps.now(clock))
        .replaceWithVoid();
  }

  /**
   * Moves a session that proved its second factor (or enrolled one) on to signed in; only from the
   * stage it is in, so a session ended meanwhile stays ended.
   */
  @WithSession
  public Uni<Optional<ConsoleSession>> signedIn(String token, SessionStage from) {
    SessionStage.TRANSITIONS.move(null, from, SessionStage.SIGNED_IN);
    return Panache.withTransaction(
            () ->
                ConsoleSessionEntity.update(
                    "stage = ?3 where tokenHash = ?1 and stage = ?2 and endedAt is null",
                    SecretKeys.hash(token),
                    from.wire(),
                    SessionStage.SIGNED_IN.wire()))
        .chain(() -> authenticate(token));
  }

  /** Ends every session of a user (removed from the team). */
  @WithTransaction
  public Uni<Void> endAllOf(String userId) {
    return ConsoleSessionEntity.update(
            "endedAt = ?2 where userId = ?1 and endedAt is null", userId, Timestamps.now(clock))
        .replaceWithVoid();
  }

  @WithSession
  public Uni<Optional<ConsoleSession>> switchMode(String token, Mode mode) {
    return Panache.withTransaction(
            () ->
                ConsoleSessionEntity.update(
                    "livemode = ?2 where tokenHash = ?1 and endedAt is null",
                    SecretKeys.hash(token),
                    mode.livemode()))
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

  // The columns of LOOKUP, in order.
  private static ConsoleSession session(Object[] r, String token) {
    return new ConsoleSession(
        (String) r[0],
        (String) r[1],
        (String) r[5],
        ConsoleRole.fromWord((String) r[6]).orElse(ConsoleRole.VIEWER),
        (String) r[7],
        (String) r[8],
        (String) r[9],
        (Integer) r[10],
        (Integer) r[11],
        Mode.of((Boolean) r[2]),
        csrfFor(token),
        SessionStage.of((String) r[12]),
        r[13] != null);
  }

  private static java.time.OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
