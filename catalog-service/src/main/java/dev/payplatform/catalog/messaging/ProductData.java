package dev.payplatform.catalog.messaging;

import dev.payplatform.catalog.domain.Product;
import dev.payplatform.commons.time.Timestamps;

/**
 * The data of {@code product.created}: the product as the API shows it. Schema:
 * docs/events/catalog/product.created.schema.json.
 */
public record ProductData(
    String id,
    String object,
    String name,
    String description,
    boolean active,
    boolean livemode,
    String createdAt) {

  public static ProductData of(Product p) {
    return new ProductData(
        p.id,
        "product",
        p.name,
        p.description,
        p.active,
        p.livemode,
        Timestamps.format(p.createdAt));
  }
}
