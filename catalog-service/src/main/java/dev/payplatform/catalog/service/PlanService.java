package dev.payplatform.catalog.service;

import dev.payplatform.catalog.domain.Plan;
import dev.payplatform.catalog.domain.PlanNotFound;
import dev.payplatform.catalog.domain.ProductNotFound;
import dev.payplatform.catalog.messaging.CatalogEvents;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.money.Money;
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

/** A merchant's plans (recurring prices of its products): create, read and list, per tenant. */
@ApplicationScoped
public class PlanService {
  private final ProductService products;
  private final CatalogEvents events;
  private final InstantSource clock;

  public PlanService(ProductService products, CatalogEvents events, InstantSource clock) {
    this.products = products;
    this.events = events;
    this.clock = clock;
  }

  /** What a new plan is made of, already validated. */
  public record NewPlan(
      String productId, Money price, String interval, int intervalCount, String nickname) {}

  /**
   * Stores the plan and its {@code plan.created} event in one transaction. The product must be the
   * same tenant's: another merchant's or mode's product is "not found", naming the id, as if it did
   * not exist.
   */
  @WithTransaction
  public Uni<Plan> create(Tenant tenant, NewPlan plan) {
    return products
        .find(tenant, plan.productId())
        .onItem()
        .ifNull()
        .failWith(() -> new ProductNotFound(plan.productId()))
        .chain(
            product -> {
              Plan p = new Plan();
              p.id = Ids.newId(Plan.ID_PREFIX);
              p.merchantId = tenant.merchantId();
              p.livemode = tenant.livemode();
              p.productId = product.id;
              p.amount = plan.price().minorUnits();
              p.currency = plan.price().currencyCode();
              p.intervalUnit = plan.interval();
              p.intervalCount = plan.intervalCount();
              p.nickname = plan.nickname();
              p.createdAt = Timestamps.now(clock);
              return p.<Plan>persist();
            })
        .call(events::planCreated);
  }

  @WithSession
  public Uni<Plan> get(Tenant tenant, String id) {
    if (!Ids.looksLike(id, Plan.ID_PREFIX)) {
      return Uni.createFrom().failure(new PlanNotFound(id));
    }
    return Plan.<Plan>find(Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new PlanNotFound(id));
  }

  @WithSession
  public Uni<Page<Plan>> list(Tenant tenant, String productId, PageRequest page) {
    String where = Tenant.WHERE;
    Parameters params = tenant.parameters();
    if (productId != null) {
      where += " and productId = :productId";
      params = params.and("productId", productId);
    }
    return Pages.of(Plan.find(where, Pages.NEWEST_FIRST, params), page);
  }
}
