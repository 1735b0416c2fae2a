package dev.payplatform.checkout.service.reconciliation;

import dev.payplatform.checkout.domain.reconciliation.PlatformRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The platform's side of a reconciliation: the ISO 8583 journal's purchases and refunds of one
 * gateway account and of every other account with its terminal and card acceptor ids (the acquirer
 * cannot tell them apart) (approved, reversing or reversed), with the payment or refund each one
 * is, and what earlier runs made of it.
 */
@ApplicationScoped
public class PlatformRecords {
  private static final String RECORDS =
      "select t.reference, t.kind, t.rrn, t.authorization_code, t.amount, t.currency, t.state,"
          + " cast(t.created_at at time zone 'UTC' as date),"
          + " coalesce(pi.merchant_id, r.merchant_id), coalesce(pi.payment_id, r.payment_id), r.id,"
          + " exists (select 1 from reconciliation_item i where i.journal_reference = t.reference"
          + "   and i.kind not in ('missing_at_acquirer', 'duplicated')),"
          + " exists (select 1 from reconciliation_item i where i.journal_reference = t.reference"
          + "   and i.kind = 'missing_at_acquirer')"
          + " from iso8583_transaction t"
          + " left join payment_intent pi on t.kind = 'purchase' and pi.livemode"
          + "   and pi.charge_ref = t.rrn"
          + " left join refund r on t.kind = 'refund' and r.livemode and r.processor_ref = t.rrn"
          // every account with the same terminal and acceptor: the acquirer knows them as one
          + " where t.gateway_account_id in (select a.id from gateway_account a, gateway_account b"
          + "   where b.id = ?1 and a.terminal_id = b.terminal_id"
          + "   and a.card_acceptor_id = b.card_acceptor_id)"
          + " and t.state in ('approved', 'reversing', 'reversed')"
          + " and (t.rrn = any(cast(?2 as text[]))"
          + "   or (t.created_at >= ?3 and t.created_at < ?4))";

  /** Every record a line names, and every record of {@code day}. */
  public Uni<List<PlatformRecord>> load(String accountId, LocalDate day, List<String> rrns) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(RECORDS, Object[].class)
                    .setParameter(1, accountId)
                    .setParameter(2, rrns.toArray(String[]::new))
                    .setParameter(3, day.atStartOfDay().atOffset(ZoneOffset.UTC))
                    .setParameter(4, day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                    .getResultList())
        .map(rows -> rows.stream().map(PlatformRecords::record).toList());
  }

  private static PlatformRecord record(Object[] r) {
    boolean settledBefore = (Boolean) r[11];
    return new PlatformRecord(
        (String) r[0],
        (String) r[1],
        r[2] == null ? null : ((String) r[2]).strip(),
        (String) r[3],
        ((Number) r[4]).longValue(),
        ((String) r[5]).strip(),
        (String) r[6],
        r[7] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[7],
        (String) r[8],
        (String) r[9],
        (String) r[10],
        settledBefore,
        !settledBefore && (Boolean) r[12]);
  }
}
