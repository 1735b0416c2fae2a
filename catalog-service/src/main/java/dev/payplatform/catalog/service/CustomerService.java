package dev.payplatform.catalog.service;

import dev.payplatform.catalog.domain.Customer;
import dev.payplatform.catalog.domain.CustomerNotFound;
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
import java.util.Locale;

/** A merchant's customers: create, read and list, always per tenant. */
@ApplicationScoped
public class CustomerService {
  private final CatalogEvents events;
  private final InstantSource clock;

  public CustomerService(CatalogEvents events, InstantSource clock) {
    this.events = events;
    this.clock = clock;
  }

  /** What a new customer is made of, already validated and trimmed. */
  public record NewCustomer(String email, String name, String description, String phone) {}

  /** Stores the customer and its {@code customer.created} event in one transaction. */
  @WithTransaction
  public Uni<Customer> create(Tenant tenant, NewCustomer customer) {
    Customer c = new Customer();
    c.id = Ids.newId(Customer.ID_PREFIX);
    c.merchantId = tenant.merchantId();
    c.livemode = tenant.livemode();
    c.email = customer.email();
    c.name = customer.name();
    c.description = customer.description();
    c.phone = customer.phone();
    c.createdAt = Timestamps.now(clock);
    return c.<Customer>persist().call(events::customerCreated);
  }

  @WithSession
  public Uni<Customer> get(Tenant tenant, String id) {
    if (!Ids.looksLike(id, Customer.ID_PREFIX)) {
      return Uni.createFrom().failure(new CustomerNotFound(id));
    }
    return Customer.<Customer>find(Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new CustomerNotFound(id));
  }

  /**
   * Newest first; {@code email} matches case-insensitively (the customer_by_tenant_email index).
   */
  @WithSession
  public Uni<Page<Customer>> list(Tenant tenant, String email, PageRequest page) {
    String where = Tenant.WHERE;
    Parameters params = tenant.parameters();
    if (email != null) {
      where += " and lower(email) = :email";
      params = params.and("email", email.toLowerCase(Locale.ROOT));
    }
    return Pages.of(Customer.find(where, Pages.NEWEST_FIRST, params), page);
  }
}
