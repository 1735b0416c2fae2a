package dev.payplatform.billing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model of a merchant from merchants.events: the display name hosted pages show. */
@Entity
@Table(name = "merchant_record")
public class MerchantRecord extends PanacheEntityBase {
  @Id public String id;
  public String name;
  public String gatewayAccountId;
  public Instant updatedAt;
  public Instant eventTime;
  public Instant receivedAt;
}
