package dev.payplatform.catalog.messaging;

import dev.payplatform.catalog.domain.Customer;
import dev.payplatform.commons.time.Timestamps;

/**
 * The data of {@code customer.created}: the customer as the API shows it. Schema:
 * docs/events/catalog/customer.created.schema.json.
 */
public record CustomerData(
    String id,
    String object,
    String email,
    String name,
    String description,
    String phone,
    boolean livemode,
    String createdAt) {

  public static CustomerData of(Customer c) {
    return new CustomerData(
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
