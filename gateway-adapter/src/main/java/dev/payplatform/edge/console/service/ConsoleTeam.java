package dev.payplatform.edge.console.service;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.console.domain.ConsoleRole;
import dev.payplatform.edge.console.domain.ConsoleSessionEntity;
import dev.payplatform.edge.console.domain.ConsoleUser;
import dev.payplatform.edge.console.domain.SessionStage;
import dev.payplatform.edge.domain.Merchant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.List;

/** A merchant's team: who is in it, and an owner removing a member. */
@ApplicationScoped
public class ConsoleTeam {
  public record Member(
      String id,
      String merchantId,
      String email,
      ConsoleRole role,
      String created,
      boolean twoFactor) {}

  private final ConsoleSessions sessions;
  private final InstantSource clock;

  public ConsoleTeam(ConsoleSessions sessions, InstantSource clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  /** The active members, oldest first. */
  @WithSession
  public Uni<List<Member>> members(String merchantId) {
    return ConsoleUser.<ConsoleUser>list(
            "merchantId = ?1 and status = ?2 order by createdAt, id",
            merchantId,
            ConsoleUser.ACTIVE)
        .map(
            users ->
                users.stream()
                    .map(
                        u ->
                            new Member(
                                u.id,
                                u.merchantId,
                                u.email,
                                u.consoleRole(),
                                u.createdAt.toString(),
                                u.hasTwoFactor()))
                    .toList());
  }

  /** An owner removes a member of their own team (never themselves); their sessions end. */
  public Uni<Void> remove(ConsoleSession by, String userId) {
    if (by.userId().equals(userId)) {
      return Uni.createFrom()
          .failure(ApiException.conflict("You cannot remove yourself from the team."));
    }
    return Panache.withTransaction(
            () ->
                ConsoleUser.update(
                    "status = ?4, removedAt = ?3"
                        + " where id = ?1 and merchantId = ?2 and status = ?5",
                    userId,
                    by.merchantId(),
                    Timestamps.now(clock),
                    ConsoleUser.REMOVED,
                    ConsoleUser.ACTIVE))
        .chain(
            updated -> {
              if (updated == 0) {
                return Uni.createFrom()
                    .failure(ApiException.notFound("Not found", "No such team member."));
              }
              return sessions.endAllOf(userId);
            });
  }

  @WithSession
  public Uni<Boolean> requiresTwoFactor(String merchantId) {
    return Merchant.<Merchant>findById(merchantId)
        .map(m -> m != null && m.consoleRequiresTwoFactor);
  }

  /**
   * An owner requires two-factor sign-in for the team, or stops. Only an owner who has it may turn
   * it on (no one locks the team out of what they cannot do themselves). From then on, signed-in
   * members without an authenticator must enrol before anything else.
   */
  public Uni<Boolean> requireTwoFactor(ConsoleSession by, boolean required) {
    if (required && !by.twoFactorEnabled()) {
      return Uni.createFrom()
          .failure(
              ApiException.conflict(
                  "Turn on two-factor sign-in for yourself first (Security), then require it for"
                      + " the team."));
    }
    return Panache.withTransaction(
            () ->
                Merchant.update(
                        "consoleRequiresTwoFactor = ?2 where id = ?1", by.merchantId(), required)
                    .chain(
                        () ->
                            required
                                ? ConsoleSessionEntity.update(
                                    "stage = ?2 where merchantId = ?1 and stage = ?3"
                                        + " and endedAt is null and userId in (select u.id from"
                                        + " ConsoleUser u where u.totpEnabledAt is null)",
                                    by.merchantId(),
                                    SessionStage.ENROL_TWO_FACTOR.wire(),
                                    SessionStage.SIGNED_IN.wire())
                                : Uni.createFrom().item(0)))
        .replaceWith(required);
  }
}
