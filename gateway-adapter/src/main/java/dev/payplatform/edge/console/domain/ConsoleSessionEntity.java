package dev.payplatform.edge.console.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored console session (docs/console.md, "Sessions"): the cookie's SHA-256, whose and in which
 * mode, and its ends: {@link #expiresAt} (absolute), {@link #lastSeenAt} plus the idle timeout, and
 * {@link #endedAt} (sign-out, removal). What a request sees is {@code console.service
 * .ConsoleSession}.
 */
@Entity
@Table(name = "console_session")
public class ConsoleSessionEntity extends PanacheEntityBase {
  @Id public String id;
  public byte[] tokenHash;
  public String userId;
  public String merchantId;
  public boolean livemode;
  public Instant createdAt;
  public Instant lastSeenAt;
  public Instant expiresAt;
  public Instant endedAt;
  // SessionStage's word.
  public String stage;
}
