package dev.payplatform.checkout.processor.sandbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A saved card ({@code pm_…}) for off-session charges: which test-card behaviour it has, plus
 * brand, last 4 and expiry. A processor-side reference, not a card number.
 */
@Entity
@Table(name = "sandbox_payment_method")
public class SandboxPaymentMethod extends PanacheEntityBase {
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
  public Instant createdAt;
}
