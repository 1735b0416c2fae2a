package dev.payplatform.events.service;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.events.config.EventsConfig;
import dev.payplatform.events.domain.ResendLimitReached;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;

/**
 * How many resends a merchant may ask for, per mode: {@code events.webhooks.resend-limit} per
 * {@code events.webhooks.resend-window}, the window starting at the first resend after the last
 * window ended. Counted in the database (one row per merchant and mode, taken in the resend's
 * transaction), so every replica counts the same resends, and a refused or failed resend, rolled
 * back, counts for nothing.
 */
@ApplicationScoped
public class ResendLimit {
  // A window that ended (started at or before now - window) starts again now with this resend;
  // otherwise this resend is one more in it. Answers the count and the seconds the window has left.
  private static final String TAKE =
      "insert into resend_window as w (merchant_id, livemode, started_at, used)"
          + " values (?1, ?2, ?3, 1) on conflict (merchant_id, livemode) do update set"
          + " started_at = case when w.started_at <= ?4 then excluded.started_at else w.started_at end,"
          + " used = case when w.started_at <= ?4 then 1 else w.used + 1 end"
          + " returning used, ceil(extract(epoch from (started_at - ?4)))::bigint";

  private final EventsConfig.Webhooks settings;
  private final InstantSource clock;

  public ResendLimit(EventsConfig config, InstantSource clock) {
    this.settings = config.webhooks();
    this.clock = clock;
  }

  /** Counts one resend of {@code tenant}, in the current transaction; fails past the limit. */
  public Uni<Void> take(Tenant tenant) {
    Instant now = Timestamps.now(clock);
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(TAKE, Object[].class)
                    .setParameter(1, tenant.merchantId())
                    .setParameter(2, tenant.livemode())
                    .setParameter(3, now.atOffset(ZoneOffset.UTC))
                    .setParameter(4, now.minus(settings.resendWindow()).atOffset(ZoneOffset.UTC))
                    .getSingleResult())
        .invoke(
            row -> {
              long used = ((Number) row[0]).longValue();
              if (used > settings.resendLimit()) {
                long left = ((Number) row[1]).longValue();
                throw new ResendLimitReached(
                    settings.resendLimit(), settings.resendWindow(), Math.max(1, left));
              }
            })
        .replaceWithVoid();
  }
}
