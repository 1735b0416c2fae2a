package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/** No gateway account under that id. */
public class GatewayAccountNotFound extends DomainException {
  public GatewayAccountNotFound(String id) {
    super("No gateway account " + id + ".");
  }
}
