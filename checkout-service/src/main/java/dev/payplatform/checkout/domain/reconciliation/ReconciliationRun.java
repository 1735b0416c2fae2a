package dev.payplatform.checkout.domain.reconciliation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One pass over one business day's settlement report of one gateway account. */
@Entity
@Table(name = "reconciliation_run")
public class ReconciliationRun extends PanacheEntityBase {
  public static final String ID_PREFIX = "rcn";
  public static final String SCHEDULE = "schedule";
  public static final String OPERATOR = "operator";

  @Id public String id;
  public String gatewayAccountId;
  public LocalDate businessDay;
  public String trigger;
  public String reportFile;
  public String reportSha256;
  public int reportLines;
  public int items;
  public int matched;
  public int differences;
  public Instant createdAt;
}
