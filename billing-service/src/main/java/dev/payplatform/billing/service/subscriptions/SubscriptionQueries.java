package dev.payplatform.billing.service.subscriptions;

import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.domain.SubscriptionNotFound;
import dev.payplatform.billing.domain.SubscriptionStatus;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A merchant's subscriptions as the API reads them, each with its latest invoice. */
@ApplicationScoped
public class SubscriptionQueries {

  @WithSession
  public Uni<SubscriptionWithInvoice> get(Tenant tenant, String id) {
    if (!Ids.looksLike(id, Subscription.ID_PREFIX)) {
      return Uni.createFrom().failure(new SubscriptionNotFound(id));
    }
    return Subscription.<Subscription>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new SubscriptionNotFound(id))
        .chain(
            s -> SubscriptionRows.latestInvoice(s).map(inv -> new SubscriptionWithInvoice(s, inv)));
  }

  /** Newest first, optionally filtered by status and customer. */
  @WithSession
  public Uni<Page<SubscriptionWithInvoice>> list(
      Tenant tenant, SubscriptionStatus status, String customerId, PageRequest page) {
    String where = Tenant.WHERE;
    Parameters params = tenant.parameters();
    if (status != null) {
      where += " and status = :status";
      params = params.and("status", status);
    }
    if (customerId != null) {
      where += " and customerId = :customerId";
      params = params.and("customerId", customerId);
    }
    return Pages.of(Subscription.<Subscription>find(where, Pages.NEWEST_FIRST, params), page)
        .chain(SubscriptionQueries::withLatestInvoices);
  }

  private static Uni<Page<SubscriptionWithInvoice>> withLatestInvoices(Page<Subscription> page) {
    List<String> ids =
        page.items().stream().map(s -> s.latestInvoiceId).filter(i -> i != null).toList();
    if (ids.isEmpty()) {
      return Uni.createFrom().item(page.map(s -> new SubscriptionWithInvoice(s, null)));
    }
    return Invoice.<Invoice>list("id in ?1", ids)
        .map(
            invoices -> {
              Map<String, Invoice> byId = new HashMap<>();
              invoices.forEach(i -> byId.put(i.id, i));
              return page.map(s -> new SubscriptionWithInvoice(s, byId.get(s.latestInvoiceId)));
            });
  }
}
