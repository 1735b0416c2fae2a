package dev.payplatform.checkout.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A plan as catalog announced it ({@code plan.created}): whose it is and its price. */
@Entity
@Table(name = "catalog_plan")
public class CatalogPlan extends PanacheEntityBase {
  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public long amount;
  public String currency;
  public Instant receivedAt;
}
