package dev.payplatform.billing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A shareable link to pay a fixed amount; every visit starts a fresh payment. */
@Entity
@Table(name = "payment_link")
public class PaymentLink extends PanacheEntityBase {
  public static final String ID_PREFIX = "plink";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public long amount;
  public String currency;
  public String description;
  public boolean active;
  public String merchantName;
  public int paidCount;
  public Instant createdAt;
  public Instant updatedAt;
}
