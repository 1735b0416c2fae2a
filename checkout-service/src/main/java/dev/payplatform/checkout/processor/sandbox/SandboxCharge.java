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

  /** Set for a disputing test card's charge: why and when its cardholder disputes it. */
  public String disputeReason;

  public boolean disputeInquiry;
  public Instant disputeDueAt;

  /** When the platform was told of the dispute (processor.dispute_opened); null until then. */
  public Instant disputeOpenedAt;
}
