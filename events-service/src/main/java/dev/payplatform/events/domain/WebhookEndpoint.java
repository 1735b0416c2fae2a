package dev.payplatform.events.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where a merchant wants events delivered, which ones, and the secret they are signed with. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {
  public static final String ID_PREFIX = "we";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String url;
  public String description;
  public String[] enabledEvents;
  public EndpointStatus status;
  public String disabledReason;
  public String secretSealed;
  public String previousSecretSealed;
  public Instant previousSecretExpiresAt;
  public Instant failingSince;
  public Instant createdAt;
  public Instant updatedAt;

  /** Enabled and subscribed to {@code type} (see {@link Subscriber#wants}). */
  public boolean wants(String type) {
    return status == EndpointStatus.ENABLED && asSubscriber().wants(type);
  }

  public Subscriber asSubscriber() {
    return new Subscriber(id, List.of(enabledEvents));
  }

  public void disable(String reason, Instant now) {
    status = EndpointStatus.TRANSITIONS.move(id, status, EndpointStatus.DISABLED);
    disabledReason = reason;
    updatedAt = now;
  }

  public void enable(Instant now) {
    status = EndpointStatus.TRANSITIONS.move(id, status, EndpointStatus.ENABLED);
    disabledReason = null;
    failingSince = null;
    updatedAt = now;
  }

  /** A new secret signs from now on; the current one keeps signing beside it for {@code grace}. */
  public void rotate(String newSealed, Instant now, Duration grace) {
    previousSecretSealed = secretSealed;
    previousSecretExpiresAt = now.plus(grace);
    secretSealed = newSealed;
    updatedAt = now;
  }

  /** The previous secret, while it still signs. */
  public String previousSecretIfActive(Instant now) {
    return previousSecretSealed != null
            && previousSecretExpiresAt != null
            && previousSecretExpiresAt.isAfter(now)
        ? previousSecretSealed
        : null;
  }

  /** An attempt failed: true when the endpoint has now failed for longer than {@code limit}. */
  public boolean failedAt(Instant now, Duration limit) {
    if (failingSince == null) {
      failingSince = now;
    }
    return !failingSince.plus(limit).isAfter(now);
  }

  public void succeededAt() {
    failingSince = null;
  }
}
