package dev.payplatform.edge.console.rest;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.edge.console.service.ConsoleAction;
import dev.payplatform.edge.console.service.ConsoleInvites;
import dev.payplatform.edge.console.service.ConsoleSession;
import dev.payplatform.edge.console.service.ConsoleSessions;
import dev.payplatform.edge.console.service.ConsoleTeam;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The console's team page: members, open invites and the team's two-factor rule; owners invite,
 * revoke invites, remove members and set the rule. Every change is in the audit log.
 */
@Path("/console/api/team")
public class ConsoleTeamResource {
  private final ConsoleGuard guard;
  private final ConsoleTeam team;
  private final ConsoleInvites invites;

  public ConsoleTeamResource(ConsoleGuard guard, ConsoleTeam team, ConsoleInvites invites) {
    this.guard = guard;
    this.team = team;
    this.invites = invites;
  }

  @GET
  public Uni<Response> team(@CookieParam(ConsoleSessions.COOKIE) String token) {
    return guard
        .signedIn(token)
        .chain(
            s ->
                team.members(s.merchantId())
                    .chain(
                        members ->
                            invites
                                .pending(s.merchantId())
                                .chain(
                                    open ->
                                        team.requiresTwoFactor(s.merchantId())
                                            .map(
                                                required ->
                                                    ConsoleAnswers.ok(
                                                        view(s, members, open, required))))));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/invites")
  public Uni<Response> invite(
      CreateInviteRequest body,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf,
      @Context HttpServerRequest request) {
    CreateInviteRequest b = body == null ? new CreateInviteRequest(null, null) : body;
    return guard
        .guarded(token, csrf, s -> s.role().canManageTeam())
        .chain(
            guard.auditedMaking(
                ConsoleAction.INVITE_CREATE,
                request,
                201,
                ConsoleInvites.Invite::id,
                s -> invites.invite(s, b.email(), b.role())))
        .map(
            i ->
                ConsoleAnswers.created(
                    new InviteResponse(
                        i.id(),
                        i.email(),
                        i.role().word(),
                        i.expiresAt(),
                        ConsoleAnswers.origin(request) + "/console/#/signup?token=" + i.token())));
  }

  /** An owner revokes an invite not yet used: its link stops working at once. */
  @DELETE
  @Path("/invites/{inviteId}")
  public Uni<Response> revokeInvite(
      @PathParam("inviteId") String inviteId,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf,
      @Context HttpServerRequest request) {
    return guard
        .guarded(token, csrf, s -> s.role().canManageTeam())
        .chain(
            guard.audited(
                ConsoleAction.INVITE_REVOKE,
                request,
                204,
                s -> inviteId,
                s -> invites.revoke(s, inviteId)))
        .map(v -> ConsoleAnswers.noContent());
  }

  /** The team's rule: whether every member must sign in with two factors. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/settings")
  public Uni<Response> settings(
      TeamSettingsRequest body,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf,
      @Context HttpServerRequest request) {
    if (body == null || body.requireTwoFactor() == null) {
      throw new ValidationFailedException(
          FieldError.body("require_two_factor", "must be true or false"));
    }
    return guard
        .guarded(token, csrf, s -> s.role().canManageTeam())
        .chain(
            guard.audited(
                ConsoleAction.TEAM_SETTINGS_UPDATE,
                request,
                200,
                ConsoleSession::merchantId,
                s -> team.requireTwoFactor(s, body.requireTwoFactor())))
        .map(required -> ConsoleAnswers.ok(new TeamSettingsResponse(required)));
  }

  @DELETE
  @Path("/{userId}")
  public Uni<Response> remove(
      @PathParam("userId") String userId,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf,
      @Context HttpServerRequest request) {
    return guard
        .guarded(token, csrf, s -> s.role().canManageTeam())
        .chain(
            guard.audited(
                ConsoleAction.MEMBER_REMOVE,
                request,
                204,
                s -> userId,
                s -> team.remove(s, userId)))
        .map(v -> ConsoleAnswers.noContent());
  }

  private static TeamResponse view(
      ConsoleSession s,
      List<ConsoleTeam.Member> members,
      List<ConsoleInvites.Invite> open,
      boolean requireTwoFactor) {
    return new TeamResponse(
        members.stream()
            .map(
                u ->
                    new TeamMemberResponse(
                        u.id(),
                        u.email(),
                        u.role().word(),
                        u.created(),
                        u.id().equals(s.userId()),
                        u.twoFactor()))
            .toList(),
        open.stream()
            .map(
                i ->
                    new PendingInviteResponse(
                        i.id(), i.email(), i.role().word(), i.expiresAt(), i.invitedBy()))
            .toList(),
        requireTwoFactor);
  }
}
