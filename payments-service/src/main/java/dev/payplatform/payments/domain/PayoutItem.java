package dev.payplatform.payments.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A balance transaction as an automatic payout pays it (docs/payouts.md): what it did to the
 * merchant's available balance, when that was on the payout clock, and the payout that took it.
 * Written by the ledger with the entry (V1_7__payouts.sql).
 */
@Entity
@Table(name = "payout_item")
public class PayoutItem extends PanacheEntityBase {
  @Id public String txnId;
  public String merchantId;
  public boolean livemode;
  public String currency;
  public long net;
  public Instant availableAt;
  public String payoutId;
}
