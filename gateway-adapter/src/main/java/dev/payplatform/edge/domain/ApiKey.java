package dev.payplatform.edge.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A secret key, stored only as its SHA-256 hash plus what a dashboard may show (prefix, last 4).
 * Status: {@code active}; {@code rolled} (works until {@link #expiresAt}); {@code revoked}.
 */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {
  public static final String ACTIVE = "active";
  public static final String ROLLED = "rolled";
  public static final String REVOKED = "revoked";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public byte[] keyHash;
  public String prefix;
  public String last4;
  public String status;
  public Instant createdAt;
  public Instant expiresAt;
  public Instant revokedAt;

  /**
   * Whether the key's end (a rolled key's grace) has come at {@code now}; an active key has none.
   */
  public boolean hasExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** The status an operator sees at {@code now}: a rolled key past its grace reads "expired". */
  public String statusAt(Instant now) {
    return ROLLED.equals(status) && hasExpiredAt(now) ? "expired" : status;
  }
}
