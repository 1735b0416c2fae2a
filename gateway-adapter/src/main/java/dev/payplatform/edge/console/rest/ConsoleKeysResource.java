package dev.payplatform.edge.console.rest;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.edge.console.service.ConsoleAction;
import dev.payplatform.edge.console.service.ConsoleSession;
import dev.payplatform.edge.console.service.ConsoleSessions;
import dev.payplatform.edge.domain.ApiKey;
import dev.payplatform.edge.rest.ApiKeyResponse;
import dev.payplatform.edge.rest.RollKeyRequest;
import dev.payplatform.edge.rest.RolledKeyResponse;
import dev.payplatform.edge.service.MerchantKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.InstantSource;

/**
 * The console's API keys page: the merchant's keys in the session's mode. Developers and owners see
 * them; only owners roll or revoke.
 */
@Path("/console/api/keys")
public class ConsoleKeysResource {
  private final ConsoleGuard guard;
  private final MerchantKeys apiKeys;
  private final InstantSource clock;

  public ConsoleKeysResource(ConsoleGuard guard, MerchantKeys apiKeys, InstantSource clock) {
    this.guard = guard;
    this.apiKeys = apiKeys;
    this.clock = clock;
  }

  @GET
  public Uni<Response> keys(
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.MODE_HEADER) String shown) {
    return guard
        .signedIn(token)
        .invoke(s -> ConsoleGuard.showing(s, shown))
        .invoke(s -> ConsoleGuard.require(s.role().canWrite(), "Your role cannot see API keys."))
        .chain(
            s ->
                apiKeys
                    .list(s.merchantId())
                    .map(
                        keys ->
                            ConsoleAnswers.ok(
                                new ApiKeysResponse(
                                    keys.stream()
                                        .filter(k -> k.livemode == s.mode().livemode())
                                        .map(this::view)
                                        .toList()))));
  }

  // The admin API's body; the console checks the range itself (no @Valid), in its own words.
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/{keyId}/roll")
  public Uni<Response> roll(
      @PathParam("keyId") String keyId,
      RollKeyRequest body,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf,
      @HeaderParam(ConsoleGuard.MODE_HEADER) String shown,
      @Context HttpServerRequest request) {
    Integer grace = body == null ? null : body.gracePeriodHours();
    if (grace != null && (grace < 0 || grace > 168)) {
      throw new ValidationFailedException(
          FieldError.body("grace_period_hours", "must be between 0 and 168 (7 days)"));
    }
    return keyOfThisMode(token, csrf, shown, keyId)
        .chain(
            guard.auditedMaking(
                ConsoleAction.KEY_ROLL,
                request,
                201,
                r -> r.key().id,
                s -> apiKeys.roll(s.merchantId(), keyId, grace)))
        .call(r -> apiKeys.forgetCached(r.previous()))
        .map(
            r ->
                ConsoleAnswers.created(
                    new RolledKeyResponse(view(r.key()), r.secret(), view(r.previous()))));
  }

  @POST
  @Path("/{keyId}/revoke")
  public Uni<Response> revoke(
      @PathParam("keyId") String keyId,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf,
      @HeaderParam(ConsoleGuard.MODE_HEADER) String shown,
      @Context HttpServerRequest request) {
    return keyOfThisMode(token, csrf, shown, keyId)
        .chain(
            guard.audited(
                ConsoleAction.KEY_REVOKE,
                request,
                200,
                s -> keyId,
                s -> apiKeys.revoke(s.merchantId(), keyId)))
        .call(apiKeys::forgetCached)
        .map(k -> ConsoleAnswers.ok(view(k)));
  }

  /** An owner's session, and the key is one of its merchant's keys in the session's mode. */
  private Uni<ConsoleSession> keyOfThisMode(String token, String csrf, String shown, String keyId) {
    return guard
        .guarded(token, csrf, s -> s.role().canManageKeys())
        .invoke(s -> ConsoleGuard.showing(s, shown))
        .call(
            s ->
                apiKeys
                    .list(s.merchantId())
                    .invoke(
                        keys -> {
                          boolean found =
                              keys.stream()
                                  .anyMatch(
                                      (ApiKey k) ->
                                          k.id.equals(keyId) && k.livemode == s.mode().livemode());
                          if (!found) {
                            throw ApiException.notFound("Not found", "No such API key.");
                          }
                        }));
  }

  private ApiKeyResponse view(ApiKey k) {
    return ApiKeyResponse.of(k, clock.instant());
  }
}
