package dev.payplatform.payments.service.fees;

import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.MerchantProfile;
import dev.payplatform.payments.messaging.MerchantChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/** Keeps each merchant's fee plan, currencies and descriptor as merchants.events reports them. */
@ApplicationScoped
public class MerchantProfiles {
  private static final Logger LOG = Logger.getLogger(MerchantProfiles.class);

  private final InstantSource clock;

  public MerchantProfiles(InstantSource clock) {
    this.clock = clock;
  }

  /**
   * Applies a merchant event in the caller's transaction. An event older than what is stored (by
   * its {@code updated_at}) is ignored, so a replay never rolls a plan back.
   */
  public Uni<Void> apply(MerchantChanged m, Instant updatedAt) {
    return MerchantProfile.<MerchantProfile>findById(m.id())
        .chain(
            existing -> {
              if (existing != null && existing.sourceUpdatedAt.isAfter(updatedAt)) {
                LOG.infof(
                    "merchant %s event of %s is older than the stored %s; ignored",
                    m.id(), updatedAt, existing.sourceUpdatedAt);
                return Uni.createFrom().voidItem();
              }
              MerchantProfile p = existing != null ? existing : new MerchantProfile();
              p.merchantId = m.id();
              p.name = m.name();
              p.settlementCurrency = m.settlementCurrency();
              p.localCurrency =
                  m.localCurrency() != null ? m.localCurrency() : m.settlementCurrency();
              p.feeBasisPoints = m.feeBasisPoints();
              p.feeFixed = m.feeFixed();
              p.statementDescriptor = m.statementDescriptor();
              p.lateSuccess = m.lateSuccess();
              p.sourceUpdatedAt = updatedAt;
              p.receivedAt = Timestamps.now(clock);
              LOG.infof(
                  "merchant %s plan: %d bp + %d, settles in %s, local %s",
                  p.merchantId,
                  p.feeBasisPoints,
                  p.feeFixed,
                  p.settlementCurrency,
                  p.localCurrency);
              return existing != null ? Uni.createFrom().voidItem() : p.persist().replaceWithVoid();
            });
  }
}
