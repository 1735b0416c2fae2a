package dev.payplatform.billing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model of a catalog customer (customer.created): what subscriptions may refer to. */
@Entity
@Table(name = "customer_record")
public class CustomerRecord extends PanacheEntityBase {
  public static final String ID_PREFIX = "cus";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String email;
  public String name;
  public Instant eventTime;
  public Instant receivedAt;
}
