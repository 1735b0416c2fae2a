package dev.payplatform.commons.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.ErrorBodies;
import dev.payplatform.commons.errors.PaymentFailedException;
import dev.payplatform.commons.web.CallerContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Applies {@link Idempotent}: no {@code Idempotency-Key}, and the method just runs. With one, the
 * key is claimed for the request's merchant and mode, and the method runs only when the key is new
 * (or its earlier request died unanswered); otherwise the stored answer is given again, marked
 * {@code Idempotent-Replayed: true}, or 409 when the key belongs to another request.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class IdempotentInterceptor {
  static final String HEADER = "Idempotency-Key";
  private static final int MAX_KEY = 255;
  private static final Tenant BUYERS = new Tenant("buyer", false);

  private final IdempotentRequests requests;
  private final MerchantContext merchant;
  private final CurrentVertxRequest http;
  private final ObjectMapper json;

  public IdempotentInterceptor(
      IdempotentRequests requests,
      MerchantContext merchant,
      CurrentVertxRequest http,
      ObjectMapper json) {
    this.requests = requests;
    this.merchant = merchant;
    this.http = http;
    this.json = json;
  }

  @AroundInvoke
  Object around(InvocationContext ctx) throws Exception {
    String key = http.getCurrent() == null ? null : http.getCurrent().request().getHeader(HEADER);
    if (key == null) {
      return ctx.proceed();
    }
    if (key.isBlank() || key.length() > MAX_KEY) {
      throw ApiException.badRequest(HEADER + " must be 1 to " + MAX_KEY + " characters.");
    }
    String fingerprint = fingerprint(ctx);
    Tenant tenant;
    // A merchant's call carries the edge's internal JWT (already verified for its resource); a
    // buyer's call carries none, and asking for a principal there would block the event loop.
    if (http.getCurrent().request().getHeader("Authorization") != null) {
      tenant = Tenant.of(merchant);
    } else {
      // A buyer's call (a confirmation, authorised by the intent's client secret) has no
      // merchant: its key is scoped to the object it acts on, so two buyers' keys never meet.
      tenant = BUYERS;
      key = http.getCurrent().request().path() + " " + key;
    }
    Idempotent.Commit commit = commitOf(ctx);
    return commit == Idempotent.Commit.ONE_TRANSACTION
        ? inOneTransaction(ctx, tenant, key, fingerprint)
        : overSeveralTransactions(ctx, tenant, key, fingerprint);
  }

  /** Claim, effect and answer in one transaction: they commit or roll back together. */
  private Uni<Object> inOneTransaction(
      InvocationContext ctx, Tenant tenant, String key, String fingerprint) {
    return Panache.withTransaction(
        () ->
            requests
                .claim(tenant, key, fingerprint, false)
                .chain(
                    claim -> {
                      if (!(claim instanceof IdempotentRequests.Claim.Run)) {
                        return answered(claim);
                      }
                      return proceed(ctx)
                          .call(
                              result -> {
                                Stored stored = stored(ctx, result);
                                return requests.complete(
                                    tenant,
                                    key,
                                    stored.status(),
                                    stored.body(),
                                    stored.replayable());
                              });
                    }));
  }

  /**
   * The key leased in a transaction of its own, the work (which opens its own transactions), then
   * the answer stored: a decline's 402 is an answer too; any other failure frees the key.
   */
  private Uni<Object> overSeveralTransactions(
      InvocationContext ctx, Tenant tenant, String key, String fingerprint) {
    return Panache.withTransaction(() -> requests.claim(tenant, key, fingerprint, true))
        .chain(
            claim -> {
              if (!(claim instanceof IdempotentRequests.Claim.Run)) {
                return answered(claim);
              }
              return proceed(ctx)
                  .onItemOrFailure()
                  .transformToUni(
                      (result, failure) -> {
                        if (failure == null) {
                          Stored stored = stored(ctx, result);
                          return Panache.withTransaction(
                                  () ->
                                      requests.complete(
                                          tenant,
                                          key,
                                          stored.status(),
                                          stored.body(),
                                          stored.replayable()))
                              .replaceWith(result);
                        }
                        Uni<Void> settle =
                            failure instanceof PaymentFailedException declined
                                ? Panache.withTransaction(
                                    () ->
                                        requests.complete(
                                            tenant, key, 402, declineBody(declined), true))
                                : Panache.withTransaction(() -> requests.release(tenant, key));
                        return settle
                            .onFailure()
                            .recoverWithNull()
                            .chain(() -> Uni.createFrom().failure(failure));
                      });
            });
  }

  private Uni<Object> answered(IdempotentRequests.Claim claim) {
    if (claim instanceof IdempotentRequests.Claim.Replay replay) {
      if (!replay.replayable()) {
        return Uni.createFrom()
            .failure(
                new ApiException(
                    409,
                    "Answer not replayed",
                    "This request already succeeded, and its answer carried a secret, which is"
                        + " shown only once. Look the object up with GET, or rotate its secret."));
      }
      Response.ResponseBuilder answer =
          Response.status(replay.status()).header("Idempotent-Replayed", "true");
      if (replay.body() != null) {
        answer.type(MediaType.APPLICATION_JSON_TYPE).entity(replay.body());
      }
      return Uni.createFrom().item(answer.build());
    }
    String detail =
        claim instanceof IdempotentRequests.Claim.Mismatch
            ? "This Idempotency-Key was already used with a different request."
            : "A request with this Idempotency-Key is still being processed.";
    return Uni.createFrom().failure(new ApiException(409, "Idempotency conflict", detail));
  }

  /**
   * The method's work, its answer brought back to the request's Vert.x context: a method that signs
   * on a worker thread would otherwise write the record, and commit, from a thread the reactive
   * session does not belong to.
   */
  @SuppressWarnings("unchecked")
  private static Uni<Object> proceed(InvocationContext ctx) {
    Context context = Vertx.currentContext();
    Uni<Object> work;
    try {
      work = (Uni<Object>) ctx.proceed();
    } catch (Exception e) {
      return Uni.createFrom().failure(e);
    }
    return CallerContext.backTo(context, work);
  }

  private record Stored(int status, String body, boolean replayable) {}

  /** What the client got: the status and JSON body the method's answer is written as. */
  private Stored stored(InvocationContext ctx, Object result) {
    int status;
    Object entity;
    String cacheControl = null;
    if (result instanceof RestResponse<?> r) {
      status = r.getStatus();
      entity = r.getEntity();
      cacheControl = r.getHeaderString("Cache-Control");
    } else if (result instanceof Response r) {
      status = r.getStatus();
      entity = r.getEntity();
      cacheControl = r.getHeaderString("Cache-Control");
    } else {
      ResponseStatus declared = ctx.getMethod().getAnnotation(ResponseStatus.class);
      status = declared != null ? declared.value() : result == null ? 204 : 200;
      entity = result;
      for (ResponseHeader header : ctx.getMethod().getAnnotationsByType(ResponseHeader.class)) {
        if (header.name().equalsIgnoreCase("Cache-Control")) {
          cacheControl = String.join(", ", header.value());
        }
      }
    }
    boolean replayable =
        cacheControl == null || !cacheControl.toLowerCase(Locale.ROOT).contains("no-store");
    return new Stored(status, replayable ? write(entity) : null, replayable);
  }

  private String declineBody(PaymentFailedException e) {
    return write(ErrorBodies.PaymentFailed.of(e.getMessage(), e.declineReason()));
  }

  private String write(Object entity) {
    if (entity == null) {
      return null;
    }
    if (entity instanceof String s) {
      return s;
    }
    try {
      return json.writeValueAsString(entity);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an answer that is not JSON cannot be stored", e);
    }
  }

  /**
   * SHA-256 of the method, the path and the request's arguments (its body and path and query
   * values; no headers, which a retry may change), each body as {@link Fingerprinted} says.
   */
  private String fingerprint(InvocationContext ctx) throws JsonProcessingException {
    List<Object> content = new ArrayList<>();
    Parameter[] parameters = ctx.getMethod().getParameters();
    Object[] values = ctx.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      if (!fromHeaders(parameters[i])) {
        Object value = values[i];
        content.add(value instanceof Fingerprinted f ? f.fingerprintContent() : value);
      }
    }
    var request = http.getCurrent().request();
    String text =
        request.method().name() + " " + request.path() + "\n" + json.writeValueAsString(content);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean fromHeaders(Parameter parameter) {
    for (Annotation a : parameter.getAnnotations()) {
      if (a instanceof HeaderParam
          || a instanceof CookieParam
          || a instanceof jakarta.ws.rs.core.Context
          || a instanceof BeanParam) {
        return true;
      }
    }
    return false;
  }

  private static Idempotent.Commit commitOf(InvocationContext ctx) {
    Idempotent binding = ctx.getInterceptorBinding(Idempotent.class);
    return binding != null ? binding.value() : Idempotent.Commit.ONE_TRANSACTION;
  }
}
