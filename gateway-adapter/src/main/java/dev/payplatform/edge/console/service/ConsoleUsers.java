package dev.payplatform.edge.console.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.console.domain.ConsoleRole;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console users: sign-in with lockout, the operator's first owner, invites and the team. After
 * {@code edge.console.lockout.attempts} wrong passwords in a row an account refuses every sign-in
 * for {@code edge.console.lockout.duration}, the right password included. An unknown address gets
 * the same answers and the same timing, so sign-in does not tell which addresses have accounts.
 */
@ApplicationScoped
public class ConsoleUsers {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

  public record User(
      String id, String merchantId, String email, ConsoleRole role, String created) {}

  public record Invite(String id, String email, ConsoleRole role, String expiresAt, String token) {}

  public record InviteInfo(String email, ConsoleRole role, String merchantName) {}

  /** A user the operator created, with the password shown this once. */
  public record Created(String id, String email, ConsoleRole role, String password) {}

  /** A sign-in that failed because the account is locked, and for how long. */
  public static final class Locked extends ApiException {
    private final long retryAfterSeconds;

    Locked(long retryAfterSeconds) {
      super(
          429,
          "Too many requests",
          "Too many wrong passwords: sign-in is locked for this account. Try again later.");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  private final Pool pool;
  private final Passwords passwords;
  private final ConsoleSessions sessions;
  private final InstantSource clock;
  private final int lockoutAttempts;
  private final Duration lockoutDuration;
  private final Duration inviteLifetime;
  private final Cache<String, AtomicInteger> unknownAddressFailures;

  public ConsoleUsers(
      Pool pool,
      Passwords passwords,
      ConsoleSessions sessions,
      InstantSource clock,
      @ConfigProperty(name = "edge.console.lockout.attempts", defaultValue = "5") int attempts,
      @ConfigProperty(name = "edge.console.lockout.duration", defaultValue = "15m")
          Duration lockout,
      @ConfigProperty(name = "edge.console.invite-lifetime", defaultValue = "7d")
          Duration inviteLifetime) {
    this.pool = pool;
    this.passwords = passwords;
    this.sessions = sessions;
    this.clock = clock;
    this.lockoutAttempts = attempts;
    this.lockoutDuration = lockout;
    this.inviteLifetime = inviteLifetime;
    this.unknownAddressFailures =
        Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(lockout).build();
  }

  /** Signs in: a new session, 401 for a wrong email or password, 429 while locked. */
  public Uni<ConsoleSessions.Started> signIn(String rawEmail, String password) {
    String email = normalize(rawEmail);
    if (email == null || password == null || password.isEmpty()) {
      return Uni.createFrom().failure(wrongCredentials());
    }
    if (Passwords.tooLong(password)) {
      // Longer than bcrypt reads: no stored password can be it. Same time as a wrong one.
      return passwords
          .matches("", null)
          .chain(ignored -> Uni.createFrom().failure(wrongCredentials()));
    }
    return pool.preparedQuery(
            "select id, password_hash, locked_until from console_user"
                + " where email = $1 and status = 'active'")
        .execute(Tuple.of(email))
        .chain(
            rows -> {
              RowIterator<Row> it = rows.iterator();
              if (!it.hasNext()) {
                return unknownAddress(email, password);
              }
              Row r = it.next();
              String userId = r.getString("id");
              OffsetDateTime lockedUntil = r.getOffsetDateTime("locked_until");
              Instant now = clock.instant();
              if (lockedUntil != null && now.isBefore(lockedUntil.toInstant())) {
                return Uni.createFrom()
                    .failure(new Locked(secondsUntil(now, lockedUntil.toInstant())));
              }
              return passwords
                  .matches(password, r.getString("password_hash"))
                  .chain(ok -> ok ? succeeded(userId) : failed(userId));
            });
  }

  private Uni<ConsoleSessions.Started> unknownAddress(String email, String password) {
    AtomicInteger failures = unknownAddressFailures.get(email, e -> new AtomicInteger());
    if (failures.get() >= lockoutAttempts) {
      return Uni.createFrom().failure(new Locked(lockoutDuration.toSeconds()));
    }
    return passwords
        .matches(password, null)
        .chain(
            ignored -> {
              failures.incrementAndGet();
              return Uni.createFrom().failure(wrongCredentials());
            });
  }

  private Uni<ConsoleSessions.Started> succeeded(String userId) {
    return pool.preparedQuery(
            "update console_user set failed_logins = 0, locked_until = null where id = $1")
        .execute(Tuple.of(userId))
        .chain(() -> sessions.start(userId));
  }

  private Uni<ConsoleSessions.Started> failed(String userId) {
    Instant lockEnd = Timestamps.now(clock).plus(lockoutDuration);
    // One statement: concurrent wrong guesses each count, none is lost.
    return pool.preparedQuery(
            "update console_user set failed_logins = failed_logins + 1,"
                + " locked_until = case when failed_logins + 1 >= $2 then $3 else locked_until end"
                + " where id = $1")
        .execute(Tuple.of(userId, lockoutAttempts, ConsoleSessions.utc(lockEnd)))
        .chain(() -> Uni.createFrom().failure(wrongCredentials()));
  }

  /**
   * The operator creates a user of a merchant (the first owner). Without a password one is
   * generated; either way it is returned once.
   */
  public Uni<Created> create(String merchantId, String rawEmail, String rawRole, String password) {
    List<FieldError> errors = new ArrayList<>();
    String email = normalize(rawEmail);
    if (email == null) {
      errors.add(FieldError.body("email", "must be an email address"));
    }
    ConsoleRole role = ConsoleRole.fromWord(rawRole == null ? "owner" : rawRole).orElse(null);
    if (role == null) {
      errors.add(FieldError.body("role", "must be one of owner, developer, viewer"));
    }
    String chosen = password == null ? Ids.randomToken(15) : password;
    String weakness = Passwords.weakness(chosen);
    if (weakness != null) {
      errors.add(FieldError.body("password", weakness));
    }
    if (!errors.isEmpty()) {
      return Uni.createFrom().failure(new ValidationFailedException(errors));
    }
    return passwords
        .hash(chosen)
        .chain(hash -> insertUser(merchantId, email, role, hash))
        .map(id -> new Created(id, email, role, chosen));
  }

  private Uni<String> insertUser(
      String merchantId, String email, ConsoleRole role, String passwordHash) {
    String id = Ids.newId("usr");
    return pool.preparedQuery(
            "insert into console_user (id, merchant_id, email, password_hash, role, status,"
                + " created_at) values ($1, $2, $3, $4, $5, 'active', $6)"
                + " on conflict (email) where status = 'active' do nothing")
        .execute(
            Tuple.of(
                id,
                merchantId,
                email,
                passwordHash,
                role.word(),
                ConsoleSessions.utc(Timestamps.now(clock))))
        .map(
            rows -> {
              if (rowCount(rows) == 0) {
                throw ApiException.conflict("A console user with this email already exists.");
              }
              return id;
            });
  }

  public Uni<List<User>> team(String merchantId) {
    return pool.preparedQuery(
            "select id, merchant_id, email, role, created_at from console_user"
                + " where merchant_id = $1 and status = 'active' order by created_at, id")
        .execute(Tuple.of(merchantId))
        .map(
            rows -> {
              List<User> users = new ArrayList<>();
              for (Row r : rows) {
                users.add(
                    new User(
                        r.getString("id"),
                        r.getString("merchant_id"),
                        r.getString("email"),
                        ConsoleRole.fromWord(r.getString("role")).orElse(ConsoleRole.VIEWER),
                        r.getOffsetDateTime("created_at").toInstant().toString()));
              }
              return users;
            });
  }

  public Uni<List<Invite>> pendingInvites(String merchantId) {
    return pool.preparedQuery(
            "select id, email, role, expires_at from console_invite where merchant_id = $1"
                + " and used_at is null and expires_at > $2 order by created_at, id")
        .execute(Tuple.of(merchantId, ConsoleSessions.utc(clock.instant())))
        .map(
            rows -> {
              List<Invite> invites = new ArrayList<>();
              for (Row r : rows) {
                invites.add(
                    new Invite(
                        r.getString("id"),
                        r.getString("email"),
                        ConsoleRole.fromWord(r.getString("role")).orElse(ConsoleRole.VIEWER),
                        r.getOffsetDateTime("expires_at").toInstant().toString(),
                        null));
              }
              return invites;
            });
  }

  /** An owner invites someone: the sign-up token is returned once, only its hash is kept. */
  public Uni<Invite> invite(ConsoleSession by, String rawEmail, String rawRole) {
    List<FieldError> errors = new ArrayList<>();
    String email = normalize(rawEmail);
    if (email == null) {
      errors.add(FieldError.body("email", "must be an email address"));
    }
    ConsoleRole role = ConsoleRole.fromWord(rawRole).orElse(null);
    if (role == null) {
      errors.add(FieldError.body("role", "must be one of owner, developer, viewer"));
    }
    if (!errors.isEmpty()) {
      return Uni.createFrom().failure(new ValidationFailedException(errors));
    }
    String token = Ids.randomToken(32);
    String id = Ids.newId("inv");
    Instant now = Timestamps.now(clock);
    Instant expires = now.plus(inviteLifetime);
    return pool.preparedQuery(
            "insert into console_invite (id, token_hash, merchant_id, email, role, invited_by,"
                + " created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(
            Tuple.from(
                List.of(
                    id,
                    ConsoleSessions.hashBuffer(token),
                    by.merchantId(),
                    email,
                    role.word(),
                    by.userId(),
                    ConsoleSessions.utc(now),
                    ConsoleSessions.utc(expires))))
        .replaceWith(new Invite(id, email, role, expires.toString(), token));
  }

  public Uni<InviteInfo> inviteInfo(String token) {
    return openInvite(token)
        .map(r -> new InviteInfo(r.getString("email"), role(r), r.getString("name")));
  }

  /** Accepts an invite: creates the user and signs them in. The invite works once. */
  public Uni<ConsoleSessions.Started> signUp(String token, String password) {
    String weakness = Passwords.weakness(password);
    if (weakness != null) {
      return Uni.createFrom()
          .failure(new ValidationFailedException(FieldError.body("password", weakness)));
    }
    return openInvite(token)
        .chain(
            invite ->
                passwords
                    .hash(password)
                    .chain(
                        hash ->
                            pool.preparedQuery(
                                    "update console_invite set used_at = $2 where id = $1 and"
                                        + " used_at is null")
                                .execute(
                                    Tuple.of(
                                        invite.getString("id"),
                                        ConsoleSessions.utc(Timestamps.now(clock))))
                                .chain(
                                    used -> {
                                      if (rowCount(used) == 0) {
                                        return Uni.createFrom().failure(inviteNotFound());
                                      }
                                      return insertUser(
                                          invite.getString("merchant_id"),
                                          invite.getString("email"),
                                          role(invite),
                                          hash);
                                    })))
        .chain(sessions::start);
  }

  /** An owner removes a member of their own team (never themselves); their sessions end. */
  public Uni<Void> remove(ConsoleSession by, String userId) {
    if (by.userId().equals(userId)) {
      return Uni.createFrom()
          .failure(ApiException.conflict("You cannot remove yourself from the team."));
    }
    return pool.preparedQuery(
            "update console_user set status = 'removed', removed_at = $3"
                + " where id = $1 and merchant_id = $2 and status = 'active'")
        .execute(Tuple.of(userId, by.merchantId(), ConsoleSessions.utc(Timestamps.now(clock))))
        .chain(
            rows -> {
              if (rowCount(rows) == 0) {
                return Uni.createFrom()
                    .failure(ApiException.notFound("Not found", "No such team member."));
              }
              return sessions.endAllOf(userId);
            });
  }

  private Uni<Row> openInvite(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Uni.createFrom().failure(inviteNotFound());
    }
    return pool.preparedQuery(
            "select i.id, i.email, i.role, i.merchant_id, m.name from console_invite i"
                + " join merchant m on m.id = i.merchant_id"
                + " where i.token_hash = $1 and i.used_at is null and i.expires_at > $2")
        .execute(Tuple.of(ConsoleSessions.hashBuffer(token), ConsoleSessions.utc(clock.instant())))
        .map(
            rows -> {
              RowIterator<Row> it = rows.iterator();
              if (!it.hasNext()) {
                throw inviteNotFound();
              }
              return it.next();
            });
  }

  private static ConsoleRole role(Row r) {
    return ConsoleRole.fromWord(r.getString("role")).orElse(ConsoleRole.VIEWER);
  }

  private static int rowCount(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
    return rows.rowCount();
  }

  private static ApiException inviteNotFound() {
    return ApiException.notFound(
        "Not found", "This sign-up link is unknown, expired or already used.");
  }

  private static ApiException wrongCredentials() {
    return new ApiException(401, "Unauthorized", "Wrong email or password.");
  }

  private static long secondsUntil(Instant now, Instant end) {
    return Math.max(1, Duration.between(now, end).toSeconds() + 1);
  }

  static String normalize(String email) {
    if (email == null) {
      return null;
    }
    String e = email.strip().toLowerCase(Locale.ROOT);
    return EMAIL.matcher(e).matches() ? e : null;
  }
}
