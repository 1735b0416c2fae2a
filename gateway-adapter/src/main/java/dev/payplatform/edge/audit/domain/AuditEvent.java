package dev.payplatform.edge.audit.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of the audit log, as it is read back (written by {@code AuditTrail}). The table is
 * append-only: the database refuses update, delete and truncate.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {
  @Id public String id;
  public String merchantId;
  public Boolean livemode;
  public Instant createdAt;
  public String actorType;
  public String actorId;
  public String actorEmail;
  public String action;
  public String objectId;
  public String outcome;
  public int status;
  public String ipAddress;
  public String method;
  public String path;
}
