package dev.payplatform.catalog.rest;

import dev.payplatform.catalog.domain.Product;
import dev.payplatform.commons.time.Timestamps;

/** A product as the API shows it. */
public record ProductResponse(
    String id,
    String object,
    String name,
    String description,
    boolean active,
    boolean livemode,
    String createdAt) {

  public static ProductResponse of(Product p) {
    return new ProductResponse(
        p.id,
        "product",
        p.name,
        p.description,
        p.active,
        p.livemode,
        Timestamps.format(p.createdAt));
  }
}
