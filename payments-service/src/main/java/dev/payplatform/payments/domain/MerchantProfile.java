package dev.payplatform.payments.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What payments-service keeps of a merchant from {@code merchants.events}: its fee plan, the
 * currencies it is paid out and reports in, and its statement descriptor. Consumers of events have
 * no JWT at hand, so this copy is what completion uses.
 */
@Entity
@Table(name = "merchant_profile")
public class MerchantProfile extends PanacheEntityBase {
  @Id public String merchantId;
  public String name;
  public String settlementCurrency;
  public String localCurrency;

  /** Percent fee in basis points: 2.9 % = 290. */
  public int feeBasisPoints;

  /** Fixed fee in minor units of the settlement currency. */
  public long feeFixed;

  public String statementDescriptor;

  /** refund | keep: what becomes of a charge that succeeds after its payment was canceled. */
  public String lateSuccess;

  /** The event's {@code updated_at}: an older event never overwrites a newer one. */
  public Instant sourceUpdatedAt;

  public Instant receivedAt;
}
