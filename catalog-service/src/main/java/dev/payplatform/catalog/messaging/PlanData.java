package dev.payplatform.catalog.messaging;

import dev.payplatform.catalog.domain.Plan;
import dev.payplatform.commons.time.Timestamps;

/**
 * The data of {@code plan.created}: the plan as the API shows it. Schema:
 * docs/events/catalog/plan.created.schema.json.
 */
public record PlanData(
    String id,
    String object,
    String productId,
    long amount,
    String currency,
    String interval,
    int intervalCount,
    String nickname,
    boolean livemode,
    String createdAt) {

  public static PlanData of(Plan p) {
    return new PlanData(
        p.id,
        "plan",
        p.productId,
        p.amount,
        p.currency,
        p.intervalUnit,
        p.intervalCount,
        p.nickname,
        p.livemode,
        Timestamps.format(p.createdAt));
  }
}
