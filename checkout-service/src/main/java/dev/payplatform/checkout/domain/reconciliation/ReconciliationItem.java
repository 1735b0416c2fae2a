package dev.payplatform.checkout.domain.reconciliation;

import dev.payplatform.commons.errors.IllegalTransition;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One finding of a run: a report line, a journal record, or both, its kind, and (for a difference)
 * its resolution.
 */
@Entity
@Table(name = "reconciliation_item")
public class ReconciliationItem extends PanacheEntityBase {
  public static final String ID_PREFIX = "rci";

  @Id public String id;
  public String runId;
  public String gatewayAccountId;
  public LocalDate businessDay;
  public ReconciliationKind kind;
  public ReconciliationItemStatus status;
  public String rrn;
  public String lineKey;
  public String lineType;
  public Long acquirerAmount;
  public String acquirerCurrency;
  public String acquirerAuthorization;
  public String journalReference;
  public String recordKind;
  public LocalDate platformDay;
  public Long platformAmount;
  public String platformCurrency;
  public String platformAuthorization;
  public String merchantId;
  public String paymentId;
  public String refundId;
  public boolean fromSuspense;
  public String resolutionNote;
  public String resolvedBy;
  public Instant resolvedAt;
  public Instant createdAt;

  public static ReconciliationItem of(
      String id, ReconciliationRun run, SettlementMatching.Finding finding, Instant now) {
    ReconciliationItem i = new ReconciliationItem();
    i.id = id;
    i.runId = run.id;
    i.gatewayAccountId = run.gatewayAccountId;
    i.businessDay = run.businessDay;
    i.kind = finding.kind();
    i.status = ReconciliationItemStatus.of(finding.kind());
    i.fromSuspense = finding.fromSuspense();
    i.createdAt = now;
    SettlementLine line = finding.line();
    if (line != null) {
      i.rrn = line.rrn();
      i.lineKey = line.key();
      i.lineType = line.type();
      i.acquirerAmount = line.amount();
      i.acquirerCurrency = line.currency();
      i.acquirerAuthorization = line.authorizationCode();
    }
    PlatformRecord record = finding.record();
    if (record != null) {
      i.rrn = record.rrn();
      i.journalReference = record.reference();
      i.recordKind = record.kind();
      i.platformDay = record.day();
      i.platformAmount = record.amount();
      i.platformCurrency = record.currency();
      i.platformAuthorization = record.authorizationCode();
      i.merchantId = record.merchantId();
      i.paymentId = record.paymentId();
      i.refundId = record.refundId();
    }
    return i;
  }

  /**
   * An operator looked into the difference; {@code who} and {@code note} are kept. Once: a resolved
   * item (or a matched one) cannot be resolved again.
   */
  public void resolve(String who, String note, Instant now) {
    if (!ReconciliationItemStatus.TRANSITIONS.allowed(status, ReconciliationItemStatus.RESOLVED)) {
      throw new IllegalTransition(
          "reconciliation item", id, status.wire(), ReconciliationItemStatus.RESOLVED.wire());
    }
    status = ReconciliationItemStatus.RESOLVED;
    resolvedBy = who;
    resolutionNote = note;
    resolvedAt = now;
  }

  /**
   * The money the acquirer moved on this line for the platform (a purchase pays in, a refund or a
   * reversal pays out), or null without a line.
   */
  public Long acquirerSigned() {
    if (acquirerAmount == null) {
      return null;
    }
    return SettlementLine.PURCHASE.equals(lineType) ? acquirerAmount : -acquirerAmount;
  }

  /** The money the platform recorded, signed the same way, or null without a record. */
  public Long platformSigned() {
    if (platformAmount == null) {
      return null;
    }
    return SettlementLine.PURCHASE.equals(recordKind) ? platformAmount : -platformAmount;
  }
}
