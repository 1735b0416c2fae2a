package dev.payplatform.catalog.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A merchant's customer, whom subscriptions bill. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {
  public static final String ID_PREFIX = "cus";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String email;
  public String name;
  public String description;
  public String phone;
  public Instant createdAt;
}
