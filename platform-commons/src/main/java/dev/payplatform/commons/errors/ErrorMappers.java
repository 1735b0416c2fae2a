package dev.payplatform.commons.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.payplatform.commons.faults.TransientFailures;
import dev.payplatform.commons.web.RequestIds;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a service answers goes through here, so clients always get the documented shapes
 * (docs/api.md, "Errors") and never a stack trace or an HTML page. Domain errors a service throws
 * are mapped to these shapes by that service's own {@code rest/} mapper.
 */
public class ErrorMappers {
  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  /** What a 503 tells clients to wait before retrying, in seconds. */
  public static final String RETRY_AFTER_SECONDS = "2";

  @ServerExceptionMapper
  public Response apiException(ApiException e) {
    return problem(e);
  }

  /** The documented problem answer of {@code e}: for a service's domain-error mapper. */
  public static Response problem(ApiException e) {
    return problem(e.status(), e.title(), e.content());
  }

  /** A move the object's state machine does not allow: its state says this can no longer happen. */
  @ServerExceptionMapper
  public Response illegalTransition(IllegalTransition e) {
    return problem(409, "Conflict", e.getMessage() + ".");
  }

  @ServerExceptionMapper
  public Response validationFailed(ValidationFailedException e) {
    return json(422, new ErrorBodies.Validation(e.errors()));
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e) {
    return json(422, new ErrorBodies.Validation(ConstraintViolations.toFieldErrors(e)));
  }

  @ServerExceptionMapper
  public Response paymentFailed(PaymentFailedException e) {
    return json(402, ErrorBodies.PaymentFailed.of(e.getMessage(), e.declineReason()));
  }

  @ServerExceptionMapper({
    MismatchedInputException.class,
    InvalidFormatException.class,
    JsonMappingException.class
  })
  public Response unreadableField(JsonMappingException e) {
    List<String> loc = new ArrayList<>();
    loc.add("body");
    for (JsonMappingException.Reference ref : e.getPath()) {
      loc.add(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
    }
    String msg =
        loc.size() > 1 ? "value is not of the expected type" : "request body is not valid JSON";
    String type = loc.size() > 1 ? "type_error" : "value_error.jsondecode";
    return json(422, new ErrorBodies.Validation(List.of(new FieldError(loc, msg, type))));
  }

  @ServerExceptionMapper({StreamReadException.class, JsonProcessingException.class})
  public Response malformedJson(JsonProcessingException e) {
    return json(
        422,
        new ErrorBodies.Validation(
            List.of(
                new FieldError(
                    List.of("body"), "request body is not valid JSON", "value_error.jsondecode"))));
  }

  @ServerExceptionMapper({
    UnauthorizedException.class,
    AuthenticationFailedException.class,
    AuthenticationCompletionException.class
  })
  public Response unauthorized(RuntimeException e) {
    return json(401, new ErrorBodies.Detail("Not authenticated."));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return problem(403, "Forbidden", "This credential may not call this operation.");
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    // The JSON reader wraps parse and type errors in a 400; the documented answer is a 422 entry.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonMappingException mapping) {
        return unreadableField(mapping);
      }
      if (cause instanceof JsonProcessingException processing) {
        return malformedJson(processing);
      }
    }
    int status = e.getResponse().getStatus();
    return switch (status) {
      case 404 -> problem(404, "Not found", "The requested resource does not exist.");
      case 405 -> problem(405, "Method not allowed", "This method is not allowed on this path.");
      case 415 -> problem(415, "Unsupported media type", "Send the body as application/json.");
      case 406 -> problem(406, "Not acceptable", "This resource answers application/json.");
      case 400 -> problem(400, "Invalid request", "The request could not be understood.");
      default -> {
        if (status >= 500) {
          LOG.errorf(e, "request %s failed", RequestIds.current().orElse("-"));
          yield problem(status, "Server error", "Something went wrong on our side.");
        }
        yield problem(status, "Request failed", "The request could not be completed.");
      }
    };
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, HttpHeaders headers) {
    if (TransientFailures.isTransient(e)) {
      // The database or the broker is away for a moment: an honest 503 the client may retry; a
      // buyer's browser on a hosted page gets a page that says so.
      LOG.warnf("request %s: a dependency is unavailable: %s", RequestIds.current().orElse("-"), e);
      String accept = headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT);
      return accept != null && accept.contains("text/html") ? unavailablePage() : unavailable();
    }
    LOG.errorf(e, "unexpected error in request %s", RequestIds.current().orElse("-"));
    return problem(500, "Server error", "Something went wrong on our side. Please try again.");
  }

  /** 503 with {@code Retry-After}: the documented answer while a dependency is unavailable. */
  public static Response unavailable() {
    return Response.status(503)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .entity(
            new ErrorBodies.Problem(
                503,
                "Service unavailable",
                "The service is briefly unavailable. Please retry in a moment."))
        .build();
  }

  private static Response unavailablePage() {
    String page =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<meta http-equiv=\"refresh\" content=\"5\"><title>Try again in a moment</title>"
            + "</head><body style=\"font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;"
            + "padding:0 1rem\"><h1 id=\"unavailable\">Try again in a moment</h1><p>We could not"
            + " load this page just now. This page reloads by itself in a few"
            + " seconds.</p></body></html>";
    return Response.status(503)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .entity(page)
        .build();
  }

  public static Response problem(int status, String title, String content) {
    return json(status, new ErrorBodies.Problem(status, title, content));
  }

  private static Response json(int status, Object body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
