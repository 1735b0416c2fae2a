package dev.payplatform.catalog.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something a merchant sells; plans price it. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {
  public static final String ID_PREFIX = "prod";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String name;
  public String description;
  public boolean active;
  public Instant createdAt;
}
