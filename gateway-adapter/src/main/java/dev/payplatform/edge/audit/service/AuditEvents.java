package dev.payplatform.edge.audit.service;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.edge.audit.domain.AuditEvent;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a merchant's audit log, newest first: the rows of the caller's mode and those that belong
 * to no mode (sign-ins, the team, two-factor).
 */
@ApplicationScoped
public class AuditEvents {
  /** The list's filters; null means none. */
  public record Filter(
      String action, String actorId, String objectId, String outcome, CreatedRange created) {}

  @WithSession
  public Uni<Page<AuditEvent>> list(String merchantId, Mode mode, Filter filter, PageRequest page) {
    StringBuilder where =
        new StringBuilder("merchantId = :merchant and (livemode is null or livemode = :live)");
    Parameters params = Parameters.with("merchant", merchantId).and("live", mode.livemode());
    if (filter.action() != null) {
      // "refunds" finds refunds.create and refunds.cancel; "refunds.create" only that one.
      where.append(" and (action = :action or action like :actionPrefix)");
      params = params.and("action", filter.action()).and("actionPrefix", filter.action() + ".%");
    }
    if (filter.actorId() != null) {
      where.append(" and actorId = :actor");
      params = params.and("actor", filter.actorId());
    }
    if (filter.objectId() != null) {
      where.append(" and objectId = :object");
      params = params.and("object", filter.objectId());
    }
    if (filter.outcome() != null) {
      where.append(" and outcome = :outcome");
      params = params.and("outcome", filter.outcome());
    }
    where.append(filter.created().where());
    params = filter.created().bind(params);
    return Pages.of(AuditEvent.find(where.toString(), Pages.NEWEST_FIRST, params), page);
  }
}
