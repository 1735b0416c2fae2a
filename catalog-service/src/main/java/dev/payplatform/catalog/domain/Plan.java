package dev.payplatform.catalog.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A recurring price of a product: amount in minor units every interval_count intervals. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {
  public static final String ID_PREFIX = "plan";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String productId;
  public long amount;
  public String currency;
  // The API calls it "interval"; the column avoids the PostgreSQL type name.
  public String intervalUnit;
  public int intervalCount;
  public String nickname;
  public Instant createdAt;
}
