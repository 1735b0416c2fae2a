package dev.payplatform.edge.console.rest;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The console's team page: members and open invites; owners invite and remove. */
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
                                .map(open -> ConsoleAnswers.ok(view(s, members, open)))));
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
        .chain(s -> invites.invite(s, b.email(), b.role()))
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

  @DELETE
  @Path("/{userId}")
  public Uni<Response> remove(
      @PathParam("userId") String userId,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf) {
    return guard
        .guarded(token, csrf, s -> s.role().canManageTeam())
        .chain(s -> team.remove(s, userId))
        .map(v -> ConsoleAnswers.noContent());
  }

  private static TeamResponse view(
      ConsoleSession s, List<ConsoleTeam.Member> members, List<ConsoleInvites.Invite> open) {
    return new TeamResponse(
        members.stream()
            .map(
                u ->
                    new TeamMemberResponse(
                        u.id(), u.email(), u.role().word(), u.created(), u.id().equals(s.userId())))
            .toList(),
        open.stream()
            .map(i -> new PendingInviteResponse(i.id(), i.email(), i.role().word(), i.expiresAt()))
            .toList());
  }
}
