package dev.payplatform.events.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One HTTP request to an endpoint and what came back. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {
  public static final String ID_PREFIX = "wha";

  /** How much of an answer is kept. */
  public static final int KEPT_BODY_CHARS = 2048;

  @Id public String id;
  public String deliveryId;
  public String endpointId;
  public String eventId;
  public String merchantId;
  public boolean livemode;
  public Instant attemptedAt;
  public Integer httpStatus;
  public int latencyMs;
  public String responseBody;
  public String error;
  public AttemptOutcome outcome;
  public Instant nextRetryAt;
}
