package dev.payplatform.catalog.rest;

import dev.payplatform.catalog.domain.CustomerNotFound;
import dev.payplatform.catalog.domain.PlanNotFound;
import dev.payplatform.catalog.domain.ProductNotFound;
import dev.payplatform.commons.errors.ErrorMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * catalog-service's domain errors as the documented answers: an object that is not the caller's
 * (unknown, another merchant's or another mode's) is a 404 naming the id (docs/api.md, "Errors").
 */
public class CatalogErrors {
  @ServerExceptionMapper
  public Response productNotFound(ProductNotFound e) {
    return ErrorMappers.problem(404, "Product not found", "No such product: " + e.id());
  }

  @ServerExceptionMapper
  public Response planNotFound(PlanNotFound e) {
    return ErrorMappers.problem(404, "Plan not found", "No such plan: " + e.id());
  }

  @ServerExceptionMapper
  public Response customerNotFound(CustomerNotFound e) {
    return ErrorMappers.problem(404, "Customer not found", "No such customer: " + e.id());
  }
}
