package dev.payplatform.edge.rest;

import dev.payplatform.commons.errors.ErrorMappers;
import dev.payplatform.edge.domain.KeyNotFound;
import dev.payplatform.edge.domain.KeyNotRollable;
import dev.payplatform.edge.domain.MerchantNotFound;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The operator API's domain errors as the documented answers. The proxy's own answers (unknown
 * route, missing key, upstream failures) are written by the proxy and do not pass through here.
 */
public class EdgeErrors {
  @ServerExceptionMapper
  public Response merchantNotFound(MerchantNotFound e) {
    return ErrorMappers.problem(404, "Merchant not found", "No such merchant: " + e.id());
  }

  @ServerExceptionMapper
  public Response keyNotFound(KeyNotFound e) {
    return ErrorMappers.problem(404, "Key not found", "No such key: " + e.id());
  }

  @ServerExceptionMapper
  public Response keyNotRollable(KeyNotRollable e) {
    return ErrorMappers.problem(
        409, "Conflict", "This key is revoked or expired and cannot be rolled.");
  }
}
