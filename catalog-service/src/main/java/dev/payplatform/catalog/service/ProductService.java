package dev.payplatform.catalog.service;

import dev.payplatform.catalog.domain.Product;
import dev.payplatform.catalog.domain.ProductNotFound;
import dev.payplatform.catalog.messaging.CatalogEvents;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/** A merchant's products: create, read and list, always per tenant. */
@ApplicationScoped
public class ProductService {
  private final CatalogEvents events;
  private final InstantSource clock;

  public ProductService(CatalogEvents events, InstantSource clock) {
    this.events = events;
    this.clock = clock;
  }

  /** Stores the product and its {@code product.created} event in one transaction. */
  @WithTransaction
  public Uni<Product> create(Tenant tenant, String name, String description, boolean active) {
    Product p = new Product();
    p.id = Ids.newId(Product.ID_PREFIX);
    p.merchantId = tenant.merchantId();
    p.livemode = tenant.livemode();
    p.name = name;
    p.description = description;
    p.active = active;
    p.createdAt = Timestamps.now(clock);
    return p.<Product>persist().call(events::productCreated);
  }

  @WithSession
  public Uni<Product> get(Tenant tenant, String id) {
    return find(tenant, id).onItem().ifNull().failWith(() -> new ProductNotFound(id));
  }

  /** The tenant's product, or null; for callers already in a session (plan creation). */
  Uni<Product> find(Tenant tenant, String id) {
    // A malformed id can match nothing; not querying also keeps odd bytes (NUL) away from SQL.
    if (!Ids.looksLike(id, Product.ID_PREFIX)) {
      return Uni.createFrom().nullItem();
    }
    return Product.<Product>find(Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult();
  }

  @WithSession
  public Uni<Page<Product>> list(Tenant tenant, Boolean active, PageRequest page) {
    String where = Tenant.WHERE;
    Parameters params = tenant.parameters();
    if (active != null) {
      where += " and active = :active";
      params = params.and("active", active);
    }
    return Pages.of(Product.find(where, Pages.NEWEST_FIRST, params), page);
  }
}
