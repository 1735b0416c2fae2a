package dev.payplatform.events.rest;

import dev.payplatform.commons.errors.ErrorMappers;
import dev.payplatform.events.domain.EndpointNotFound;
import dev.payplatform.events.domain.EventNotFound;
import dev.payplatform.events.domain.ResendLimitReached;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * events-service's domain errors as the documented answers: an object that is not the caller's
 * (unknown, another merchant's or another mode's) is a 404 naming the id; a resend past the
 * merchant's limit is a 429 with {@code Retry-After}.
 */
public class EventsErrors {
  @ServerExceptionMapper
  public Response eventNotFound(EventNotFound e) {
    return ErrorMappers.problem(404, "Event not found", "No such event: " + e.id());
  }

  @ServerExceptionMapper
  public Response endpointNotFound(EndpointNotFound e) {
    return ErrorMappers.problem(
        404, "Webhook endpoint not found", "No such webhook endpoint: " + e.id());
  }

  @ServerExceptionMapper
  public Response resendLimitReached(ResendLimitReached e) {
    return Response.fromResponse(
            ErrorMappers.problem(
                429,
                "Too many requests",
                "Too many resends: at most "
                    + e.limit()
                    + " per "
                    + words(e.window())
                    + " in this mode. Retry in "
                    + e.retryAfterSeconds()
                    + " s."))
        .header("Retry-After", Long.toString(e.retryAfterSeconds()))
        .build();
  }

  private static String words(Duration window) {
    long s = window.toSeconds();
    if (s % 3600 == 0) {
      return s == 3600 ? "hour" : s / 3600 + " hours";
    }
    if (s % 60 == 0) {
      return s == 60 ? "minute" : s / 60 + " minutes";
    }
    return s + " seconds";
  }
}
