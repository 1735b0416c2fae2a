package dev.payplatform.checkout.processor.sandbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A captured sandbox charge and how much of it was refunded. */
@Entity
@Table(name = "sandbox_charge")
public class SandboxCharge extends PanacheEntityBase {
  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public long amount;
  public String currency;
  public long amountRefunded;
  public Instant createdAt;
}
