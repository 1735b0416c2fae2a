package dev.payplatform.edge.console.service;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.console.domain.ConsoleInvite;
import dev.payplatform.edge.console.domain.ConsoleRole;
import dev.payplatform.edge.service.SecretKeys;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Owners invite people to their team: the sign-up token is returned once and only its hash kept. An
 * invite grants at most its inviter's role, and works until it is used or revoked, {@code
 * edge.console.invite-lifetime} has passed, or its inviter is no longer an active owner.
 */
@ApplicationScoped
public class ConsoleInvites {
  /** An invite; its token only in the answer that created it. */
  public record Invite(
      String id,
      String email,
      ConsoleRole role,
      String expiresAt,
      String token,
      String invitedBy) {}

  /** An open invite as the sign-up page shows it. */
  public record InviteInfo(String email, ConsoleRole role, String merchantName) {}

  /** An open invite, with what accepting it needs. */
  record Open(String id, String email, ConsoleRole role, String merchantId, String merchantName) {}

  /*
   * An invite works while it is unused, unrevoked and unexpired, and while whoever sent it is still
   * an active owner: it dies with its inviter's removal or demotion.
   */
  private static final String LIVE =
      " join ConsoleUser inviter on inviter.id = i.invitedBy"
          + " where i.usedAt is null and i.revokedAt is null and i.expiresAt > :now"
          + " and inviter.status = 'active' and inviter.role = 'owner'";

  private static final String OPEN =
      "select i.id, i.email, i.role, i.merchantId, m.name from ConsoleInvite i"
          + " join Merchant m on m.id = i.merchantId"
          + LIVE
          + " and i.tokenHash = :hash";

  private static final String PENDING =
      "select i.id, i.email, i.role, i.expiresAt, inviter.email from ConsoleInvite i"
          + LIVE
          + " and i.merchantId = :merchant order by i.createdAt, i.id";

  private final InstantSource clock;
  private final Duration inviteLifetime;

  public ConsoleInvites(InstantSource clock, EdgeConfig config) {
    this.clock = clock;
    this.inviteLifetime = config.console().inviteLifetime();
  }

  /** An owner invites someone: the sign-up token is returned once, only its hash is kept. */
  @WithTransaction
  public Uni<Invite> invite(ConsoleSession by, String rawEmail, String rawRole) {
    List<FieldError> errors = new ArrayList<>();
    NewMember member = NewMember.check(rawEmail, rawRole, errors);
    if (errors.isEmpty() && !by.role().includes(member.role())) {
      errors.add(FieldError.body("role", "cannot be more than your own role"));
    }
    if (!errors.isEmpty()) {
      return Uni.createFrom().failure(new ValidationFailedException(errors));
    }
    String token = Ids.randomToken(32);
    Instant now = Timestamps.now(clock);
    ConsoleInvite i = new ConsoleInvite();
    i.id = Ids.newId("inv");
    i.tokenHash = SecretKeys.hash(token);
    i.merchantId = by.merchantId();
    i.email = member.email();
    i.role = member.role().word();
    i.invitedBy = by.userId();
    i.createdAt = now;
    i.expiresAt = now.plus(inviteLifetime);
    return i.<ConsoleInvite>persist()
        .replaceWith(
            () ->
                new Invite(
                    i.id, i.email, member.role(), i.expiresAt.toString(), token, by.email()));
  }

  /** The invites of a merchant that still work, oldest first. */
  @WithSession
  public Uni<List<Invite>> pending(String merchantId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createSelectionQuery(PENDING, Object[].class)
                    .setParameter("merchant", merchantId)
                    .setParameter("now", clock.instant())
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new Invite(
                                (String) r[0],
                                (String) r[1],
                                ConsoleRole.fromWord((String) r[2]).orElse(ConsoleRole.VIEWER),
                                r[3].toString(),
                                null,
                                (String) r[4]))
                    .toList());
  }

  /** An owner revokes an invite of their team not yet used; 404 for any other. */
  public Uni<Void> revoke(ConsoleSession by, String inviteId) {
    return Panache.withTransaction(
            () ->
                ConsoleInvite.update(
                    "revokedAt = ?3 where id = ?1 and merchantId = ?2"
                        + " and usedAt is null and revokedAt is null",
                    inviteId,
                    by.merchantId(),
                    Timestamps.now(clock)))
        .invoke(
            updated -> {
              if (updated == 0) {
                throw ApiException.notFound("Not found", "No such pending invite.");
              }
            })
        .replaceWithVoid();
  }

  public Uni<InviteInfo> info(String token) {
    return open(token).map(i -> new InviteInfo(i.email(), i.role(), i.merchantName()));
  }

  /** The open invite this token names; 404 when unknown, expired or used. */
  Uni<Open> open(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Uni.createFrom().failure(notFound());
    }
    return Panache.withSession(
            () ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createSelectionQuery(OPEN, Object[].class)
                                .setParameter("hash", SecretKeys.hash(token))
                                .setParameter("now", clock.instant())
                                .getSingleResultOrNull()))
        .map(
            r -> {
              if (r == null) {
                throw notFound();
              }
              return new Open(
                  (String) r[0],
                  (String) r[1],
                  ConsoleRole.fromWord((String) r[2]).orElse(ConsoleRole.VIEWER),
                  (String) r[3],
                  (String) r[4]);
            });
  }

  /**
   * Uses an invite (its own transaction): true for the one caller whose single-statement update
   * found it unused, so an invite works once even when accepted twice at the same time.
   */
  Uni<Boolean> use(String inviteId) {
    return Panache.withTransaction(
            () ->
                ConsoleInvite.update(
                    "usedAt = ?2 where id = ?1 and usedAt is null and revokedAt is null"
                        + " and exists (from ConsoleUser u where u.id = invitedBy"
                        + " and u.status = 'active' and u.role = 'owner')",
                    inviteId,
                    Timestamps.now(clock)))
        .map(updated -> updated > 0);
  }

  static ApiException notFound() {
    return ApiException.notFound(
        "Not found", "This sign-up link is unknown, expired or already used.");
  }
}
