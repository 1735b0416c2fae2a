package dev.payplatform.checkout.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer as catalog announced it ({@code customer.created}): whose it is. */
@Entity
@Table(name = "catalog_customer")
public class CatalogCustomer extends PanacheEntityBase {
  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public Instant receivedAt;
}
