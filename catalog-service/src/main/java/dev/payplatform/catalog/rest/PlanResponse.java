package dev.payplatform.catalog.rest;

import dev.payplatform.catalog.domain.Plan;
import dev.payplatform.commons.time.Timestamps;

/** A plan as the API shows it; {@code amount} in minor units. */
public record PlanResponse(
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

  public static PlanResponse of(Plan p) {
    return new PlanResponse(
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
