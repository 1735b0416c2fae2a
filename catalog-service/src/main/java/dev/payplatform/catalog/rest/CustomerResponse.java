package dev.payplatform.catalog.rest;

import dev.payplatform.catalog.domain.Customer;
import dev.payplatform.commons.time.Timestamps;

/** A customer as the API shows it. */
public record CustomerResponse(
    String id,
    String object,
    String email,
    String name,
    String description,
    String phone,
    boolean livemode,
    String createdAt) {

  public static CustomerResponse of(Customer c) {
    return new CustomerResponse(
        c.id,
        "customer",
        c.email,
        c.name,
        c.description,
        c.phone,
        c.livemode,
        Timestamps.format(c.createdAt));
  }
}
