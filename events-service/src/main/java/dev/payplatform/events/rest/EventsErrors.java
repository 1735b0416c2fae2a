package dev.payplatform.events.rest;

import dev.payplatform.commons.errors.ErrorMappers;
import dev.payplatform.events.domain.EndpointNotFound;
import dev.payplatform.events.domain.EventNotFound;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * events-service's domain errors as the documented answers: an object that is not the caller's
 * (unknown, another merchant's or another mode's) is a 404 naming the id.
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
}
