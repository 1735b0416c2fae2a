package dev.payplatform.payments.service.payouts;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.Payout;
import dev.payplatform.payments.domain.PayoutNotFound;
import dev.payplatform.payments.domain.PayoutSettings;
import dev.payplatform.payments.domain.PayoutStatus;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/** A merchant's payouts and payout settings; every query is bound to its merchant and mode. */
@ApplicationScoped
public class PayoutQueries {
  /** The list's filters; null means none. */
  public record Filter(String status, CreatedRange created) {}

  private final InstantSource clock;

  public PayoutQueries(InstantSource clock) {
    this.clock = clock;
  }

  @WithSession
  public Uni<Page<Payout>> list(Tenant tenant, Filter filter, PageRequest page) {
    String where = Tenant.WHERE;
    Parameters params = tenant.parameters();
    if (filter.status() != null) {
      where += " and status = :status";
      params = params.and("status", PayoutStatus.parse(filter.status()));
    }
    where += filter.created().where();
    params = filter.created().bind(params);
    return Pages.of(Payout.<Payout>find(where, Pages.NEWEST_FIRST, params), page);
  }

  @WithSession
  public Uni<Payout> get(Tenant tenant, String id) {
    if (!Ids.looksLike(id, Payout.PREFIX)) {
      return Uni.createFrom().failure(new PayoutNotFound(id));
    }
    return Payout.<Payout>find(Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new PayoutNotFound(id));
  }

  @WithSession
  public Uni<PayoutSettings> settings(Tenant tenant) {
    return PayoutSettingsRows.read(tenant, Timestamps.now(clock));
  }
}
