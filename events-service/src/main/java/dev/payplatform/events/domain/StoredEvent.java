package dev.payplatform.events.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One CloudEvent of a merchant, as it came off its topic (written by EventLog, never changed). */
@Entity
@Table(name = "event")
public class StoredEvent extends PanacheEntityBase {
  public static final String ID_PREFIX = "evt";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String type;
  public String source;
  public String subject;
  public String requestId;
  public Instant createdAt;
  public Instant receivedAt;
  public long sequence;

  /** The event's data, JSON text. */
  public String data;
}
