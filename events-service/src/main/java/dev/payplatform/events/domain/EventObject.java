package dev.payplatform.events.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** An id an event is about: what {@code GET /v1/events?object_id=} looks up. */
@Entity
@Table(name = "event_object")
@IdClass(EventObject.Key.class)
public class EventObject extends PanacheEntityBase {
  @Id public String objectId;
  @Id public String eventId;
  public String merchantId;
  public boolean livemode;

  /** The primary key. */
  public record Key(String objectId, String eventId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }
}
