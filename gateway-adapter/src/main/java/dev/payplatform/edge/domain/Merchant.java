package dev.payplatform.edge.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A merchant: who is paid, in which currency, at which fee, and how fast they may call us. */
@Entity
@Table(name = "merchant")
public class Merchant extends PanacheEntityBase {
  @Id public String id;
  public String name;
  public String gatewayAccountId;
  public String settlementCurrency;
  public String localCurrency;
  public int feeBasisPoints;
  public long feeFixed;
  public String statementDescriptor;
  // refund | keep: what becomes of a charge that succeeds after its payment was canceled.
  public String lateSuccess = LATE_SUCCESS_REFUND;
  public Integer rateLimitTest;
  public Integer rateLimitLive;
  // An owner requires two-factor sign-in for the whole console team.
  public boolean consoleRequiresTwoFactor;
  public Instant createdAt;
  public Instant updatedAt;

  public static final String LATE_SUCCESS_REFUND = "refund";

  /** The fee's percentage as the API and the events write it: 290 basis points are "2.90". */
  public String feePercent() {
    return BigDecimal.valueOf(feeBasisPoints, 2).toPlainString();
  }
}
