package dev.payplatform.catalog.messaging;

import dev.payplatform.catalog.config.CatalogTopicsConfig;
import dev.payplatform.catalog.domain.Customer;
import dev.payplatform.catalog.domain.Plan;
import dev.payplatform.catalog.domain.Product;
import dev.payplatform.catalog.rest.CustomerResponse;
import dev.payplatform.catalog.rest.PlanResponse;
import dev.payplatform.catalog.rest.ProductResponse;
import dev.payplatform.commons.events.OutgoingEvent;
import dev.payplatform.commons.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The events catalog-service emits on its topic (docs/events/catalog.md). Each event's data is the
 * object exactly as the API returns it, so it is the API's own {@code *Response} record. Each call
 * appends to the outbox, so it must run inside the transaction that writes the object: both commit
 * or neither.
 */
@ApplicationScoped
public class CatalogEvents {
  public static final String PRODUCT_CREATED = "product.created";
  public static final String PLAN_CREATED = "plan.created";
  public static final String CUSTOMER_CREATED = "customer.created";

  private final OutboxWriter outbox;
  private final String topic;

  public CatalogEvents(OutboxWriter outbox, CatalogTopicsConfig topics) {
    this.outbox = outbox;
    this.topic = topics.catalog();
  }

  public Uni<String> productCreated(Product p) {
    return emit(PRODUCT_CREATED, p.id, p.merchantId, p.livemode, ProductResponse.of(p));
  }

  public Uni<String> planCreated(Plan p) {
    return emit(PLAN_CREATED, p.id, p.merchantId, p.livemode, PlanResponse.of(p));
  }

  public Uni<String> customerCreated(Customer c) {
    return emit(CUSTOMER_CREATED, c.id, c.merchantId, c.livemode, CustomerResponse.of(c));
  }

  // Key = the object's id, so all events about one object stay in order on one partition.
  private Uni<String> emit(
      String type, String id, String merchantId, boolean livemode, Object data) {
    return outbox.append(new OutgoingEvent(topic, type, id, merchantId, livemode, data));
  }
}
