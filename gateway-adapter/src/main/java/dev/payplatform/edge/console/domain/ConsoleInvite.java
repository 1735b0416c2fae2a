package dev.payplatform.edge.console.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An owner's invite to the team. Only the sign-up token's SHA-256 is kept; the invite works once
 * ({@link #usedAt}) and until {@link #expiresAt}.
 */
@Entity
@Table(name = "console_invite")
public class ConsoleInvite extends PanacheEntityBase {
  @Id public String id;
  public byte[] tokenHash;
  public String merchantId;
  public String email;
  public String role;
  public String invitedBy;
  public Instant createdAt;
  public Instant expiresAt;
  public Instant usedAt;
  public Instant revokedAt;

  /** The role; a word the schema allows but this code does not know reads as a viewer. */
  public ConsoleRole consoleRole() {
    return ConsoleRole.fromWord(role).orElse(ConsoleRole.VIEWER);
  }
}
