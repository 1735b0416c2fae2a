package dev.payplatform.billing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model of a catalog plan (plan.created): price and billing interval of subscriptions. */
@Entity
@Table(name = "plan_record")
public class PlanRecord extends PanacheEntityBase {
  public static final String ID_PREFIX = "plan";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String productId;
  public long amount;
  public String currency;
  public String intervalUnit;
  public int intervalCount;
  public String nickname;
  public Instant eventTime;
  public Instant receivedAt;

  /** What invoices and hosted pages call this plan. */
  public String describe() {
    return nickname != null && !nickname.isBlank() ? nickname : "Subscription " + id;
  }
}
