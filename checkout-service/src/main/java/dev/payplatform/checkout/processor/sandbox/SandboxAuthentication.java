package dev.payplatform.checkout.processor.sandbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A 3-D Secure challenge the sandbox issued: the card's behaviour, never its number. */
@Entity
@Table(name = "sandbox_authentication")
public class SandboxAuthentication extends PanacheEntityBase {
  static final String PENDING = "pending";
  static final String SUCCEEDED = "succeeded";
  static final String FAILED = "failed";

  @Id public String id;
  public String merchantId;
  public boolean livemode;

  @Enumerated(EnumType.STRING)
  public SandboxBehaviour behaviour;

  public String cardBrand;
  public String cardLast4;
  public int cardExpMonth;
  public int cardExpYear;
  public String cardCountry;
  public long amount;
  public String currency;
  public boolean savePaymentMethod;
  public String status;
  public Instant createdAt;
}
