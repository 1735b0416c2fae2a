package dev.payplatform.edge.console.service;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.console.domain.ConsoleRole;
import dev.payplatform.edge.console.domain.ConsoleUser;
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
      String id, String merchantId, String email, ConsoleRole role, String created) {}

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
                                u.createdAt.toString()))
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
}
