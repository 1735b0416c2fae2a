package dev.payplatform.checkout.domain.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares one business day's settlement report lines of one gateway account with the platform's
 * records, line by line in report order, by RRN, then currency, amount, authorization code and day.
 * Lines already itemized by an earlier run are left out by the caller; records of the day that no
 * line accounts for are missing at the acquirer. No I/O: every rule has a plain unit test.
 */
public final class SettlementMatching {

  /** What one item found: a line, a record, or both. */
  public record Finding(
      ReconciliationKind kind, SettlementLine line, PlatformRecord record, boolean fromSuspense) {}

  private SettlementMatching() {}

  /**
   * @param day the report's business day
   * @param lines the day's lines not itemized before, in report order
   * @param records every record a line names by RRN, and every record of the day not settled before
   *     (both may overlap)
   */
  public static List<Finding> match(
      LocalDate day, List<SettlementLine> lines, List<PlatformRecord> records) {
    Map<String, PlatformRecord> byRrn = new HashMap<>();
    for (PlatformRecord r : records) {
      byRrn.put(r.rrn(), r);
    }
    Set<String> reversalRrns = new HashSet<>();
    for (SettlementLine l : lines) {
      if (SettlementLine.REVERSAL.equals(l.type())) {
        reversalRrns.add(l.rrn());
      }
    }
    Set<String> settled = new HashSet<>();
    for (PlatformRecord r : records) {
      if (r.settledBefore()) {
        settled.add(r.reference());
      }
    }
    Set<String> consumedReversals = new HashSet<>();
    List<Finding> findings = new ArrayList<>();
    for (SettlementLine line : lines) {
      if (SettlementLine.REVERSAL.equals(line.type())) {
        continue;
      }
      PlatformRecord record = byRrn.get(line.rrn());
      if (record == null || !record.kind().equals(line.type())) {
        findings.add(new Finding(ReconciliationKind.MISSING_ON_PLATFORM, line, null, false));
        continue;
      }
      if (settled.contains(record.reference())) {
        findings.add(new Finding(ReconciliationKind.DUPLICATED, line, record, false));
        continue;
      }
      boolean reversedThere = reversalRrns.contains(line.rrn());
      if (reversedThere) {
        consumedReversals.add(line.rrn());
      }
      ReconciliationKind kind = kindOf(day, line, record, reversedThere);
      if (record.inSuspense() && kind == ReconciliationKind.MISSING_AT_ACQUIRER) {
        // Already missing at the acquirer, and in suspense: the acquirer's purchase and reversal
        // net to nothing, and the open item stands.
        findings.add(new Finding(ReconciliationKind.REVERSED, line, null, false));
        continue;
      }
      settled.add(record.reference());
      // A record an earlier run put in suspense is settled out of suspense, not clearing.
      findings.add(new Finding(kind, line, record, record.inSuspense()));
    }
    for (SettlementLine line : lines) {
      if (!SettlementLine.REVERSAL.equals(line.type())) {
        continue;
      }
      if (consumedReversals.remove(line.rrn())) {
        // The reversal of a line above: the pair is one item; the reversal line is itemized too,
        // so a later run does not take it for a reversal of its own.
        findings.add(new Finding(ReconciliationKind.REVERSED, line, null, false));
      } else {
        // The acquirer gave back money for a transaction this report does not settle.
        findings.add(new Finding(ReconciliationKind.MISSING_ON_PLATFORM, line, null, false));
      }
    }
    for (PlatformRecord record : records) {
      if (record.approved()
          && !settled.contains(record.reference())
          && !record.inSuspense()
          && day.equals(record.day())) {
        findings.add(new Finding(ReconciliationKind.MISSING_AT_ACQUIRER, null, record, false));
      }
    }
    return findings;
  }

  private static ReconciliationKind kindOf(
      LocalDate day, SettlementLine line, PlatformRecord record, boolean reversedThere) {
    if (!record.approved()) {
      // Reversed (or being reversed) on the platform: both sides agree only if the acquirer
      // reversed it too.
      return reversedThere ? ReconciliationKind.REVERSED : ReconciliationKind.MISSING_ON_PLATFORM;
    }
    if (reversedThere) {
      return ReconciliationKind.MISSING_AT_ACQUIRER;
    }
    if (!record.currency().equals(line.currency())) {
      return ReconciliationKind.CURRENCY_MISMATCH;
    }
    if (record.amount() != line.amount()) {
      return ReconciliationKind.AMOUNT_MISMATCH;
    }
    if (!Objects.equals(record.authorizationCode(), line.authorizationCode())) {
      return ReconciliationKind.AUTHORIZATION_MISMATCH;
    }
    if (!day.equals(record.day())) {
      return ReconciliationKind.LATE;
    }
    return ReconciliationKind.MATCHED;
  }
}
