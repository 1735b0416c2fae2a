package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/** A gateway account that has moved money stays: its journal refers to it. Disable it instead. */
public class GatewayAccountInUse extends DomainException {
  public GatewayAccountInUse(String id) {
    super(
        "Gateway account "
            + id
            + " has sent requests to its acquirer and cannot be deleted; set its status to"
            + " disabled instead.");
  }
}
