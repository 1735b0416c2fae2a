package dev.payplatform.payments.service.payouts;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.payments.domain.PayoutSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hibernate.LockMode;

/**
 * The settings row of a merchant and mode, locked for the caller's transaction (made with the
 * defaults when it is the first): payouts of one merchant and mode are made one at a time, so the
 * available balance they check cannot be spent twice.
 */
final class PayoutSettingsRows {
  private static final String ENSURE =
      "insert into payout_settings (merchant_id, livemode, created_at, updated_at)"
          + " values (?1, ?2, ?3, ?3) on conflict (merchant_id, livemode) do nothing";

  private PayoutSettingsRows() {}

  static Uni<PayoutSettings> lock(Tenant tenant, Instant now) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(ENSURE)
                    .setParameter(1, tenant.merchantId())
                    .setParameter(2, tenant.livemode())
                    .setParameter(3, now.atOffset(ZoneOffset.UTC))
                    .executeUpdate()
                    .chain(
                        () ->
                            s.find(
                                PayoutSettings.class,
                                new PayoutSettings.Key(tenant.merchantId(), tenant.livemode()),
                                LockMode.PESSIMISTIC_WRITE)));
  }

  /** The settings as they are, or the defaults when the merchant has none yet (nothing written). */
  static Uni<PayoutSettings> read(Tenant tenant, Instant now) {
    return Panache.getSession()
        .chain(
            s ->
                s.find(
                    PayoutSettings.class,
                    new PayoutSettings.Key(tenant.merchantId(), tenant.livemode())))
        .map(
            found ->
                found != null
                    ? found
                    : PayoutSettings.fresh(tenant.merchantId(), tenant.livemode(), now));
  }
}
