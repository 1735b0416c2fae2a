package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.CardSummary;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The connector's journal ({@code iso8583_transaction} in the host service's database): one row per
 * money-moving request, written before the request leaves, updated only by conditional moves
 * ({@code sent → approved | declined | reversing → reversed}), so an answer and a lookup racing for
 * the same row cannot both win. Each statement commits on its own, outside any caller's
 * transaction: the row must exist before the acquirer can act on the request.
 */
@ApplicationScoped
public class Iso8583Journal {
  private static final String COLUMNS =
      "reference, gateway_account_id, kind, stan, transmission, rrn, amount, currency,"
          + " original_reference, state, response_code, authorization_code, card_brand, card_last4,"
          + " card_exp_month, card_exp_year, payment_method_id";

  private final Pool pool;

  public Iso8583Journal(Pool pool) {
    this.pool = pool;
  }

  /** The next system trace audit number (DE 11): one sequence for every replica, cycling. */
  public Uni<Long> nextTraceNumber() {
    return pool.query("select nextval('iso8583_stan_seq')")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Records a request about to be sent; empty when the reference already has a row. */
  public Uni<Boolean> begin(JournalRow r) {
    return pool.preparedQuery(
            "insert into iso8583_transaction ("
                + COLUMNS
                + ") values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)"
                + " on conflict (reference) do nothing")
        .execute(
            values(
                r.reference(),
                r.gatewayAccountId(),
                r.kind(),
                r.stan(),
                r.transmission(),
                r.rrn(),
                r.amount(),
                r.currency(),
                r.originalReference(),
                r.state(),
                r.responseCode(),
                r.authorizationCode(),
                r.card() == null ? null : r.card().brand(),
                r.card() == null ? null : r.card().last4(),
                r.card() == null ? null : r.card().expMonth(),
                r.card() == null ? null : r.card().expYear(),
                r.paymentMethodId()))
        .map(rows -> rows.rowCount() == 1);
  }

  public Uni<Optional<JournalRow>> find(String reference) {
    return one("select " + COLUMNS + " from iso8583_transaction where reference = $1", reference);
  }

  public Uni<Optional<JournalRow>> findByRrn(String rrn) {
    return one("select " + COLUMNS + " from iso8583_transaction where rrn = $1", rrn);
  }

  /** The acquirer's answer, recorded if the request is still waiting for it. */
  public Uni<Boolean> answered(
      String reference, boolean approved, String responseCode, String authorizationCode) {
    return pool.preparedQuery(
            "update iso8583_transaction set state = $2, response_code = $3,"
                + " authorization_code = $4, updated_at = now()"
                + " where reference = $1 and state = 'sent'")
        .execute(
            values(
                reference,
                approved ? JournalRow.APPROVED : JournalRow.DECLINED,
                responseCode,
                authorizationCode))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Gives up on a request's answer: from now on only a reversal may reach the acquirer under it.
   * True when this call made the move (the request was still waiting).
   */
  public Uni<Boolean> startReversal(String reference) {
    return pool.preparedQuery(
            "update iso8583_transaction set state = 'reversing', next_reversal_at = now(),"
                + " updated_at = now() where reference = $1 and state = 'sent'")
        .execute(Tuple.of(reference))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Claims the reversals due now, so one replica sends each (the next try is pushed {@code
   * retryAfter} ahead); answers them with their attempt counts.
   */
  public Uni<List<Due>> claimDueReversals(int limit, Duration retryAfter) {
    return pool.preparedQuery(
            "update iso8583_transaction t set next_reversal_at = now() + make_interval(secs => $2),"
                + " reversal_attempts = reversal_attempts + 1"
                + " where reference in (select reference from iso8583_transaction"
                + "   where state = 'reversing' and next_reversal_at <= now()"
                + "   order by next_reversal_at limit $1 for update skip locked)"
                + " returning t.reversal_attempts - 1 as attempts, t.*")
        .execute(Tuple.of(limit, (double) retryAfter.toMillis() / 1000))
        .map(
            rows ->
                rows.stream().map(row -> new Due(row(row), row.getInteger("attempts"))).toList());
  }

  public Uni<Void> reversed(String reference) {
    return pool.preparedQuery(
            "update iso8583_transaction set state = 'reversed', next_reversal_at = null,"
                + " updated_at = now() where reference = $1 and state = 'reversing'")
        .execute(Tuple.of(reference))
        .replaceWithVoid();
  }

  /** A reversal due now, and how many times one was sent before (0: send 0400, else 0420/0421). */
  public record Due(JournalRow row, int attempts) {}

  private Uni<Optional<JournalRow>> one(String sql, String key) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(key))
        .map(RowSet::iterator)
        .map(it -> it.hasNext() ? Optional.of(row(it.next())) : Optional.<JournalRow>empty());
  }

  private static JournalRow row(Row r) {
    String last4 = r.getString("card_last4");
    CardSummary card =
        last4 == null
            ? null
            : new CardSummary(
                r.getString("card_brand"),
                last4,
                r.getInteger("card_exp_month"),
                r.getInteger("card_exp_year"),
                null,
                null);
    return new JournalRow(
        r.getString("reference"),
        r.getString("gateway_account_id"),
        r.getString("kind"),
        r.getString("stan"),
        r.getString("transmission"),
        r.getString("rrn"),
        r.getLong("amount"),
        r.getString("currency"),
        r.getString("original_reference"),
        r.getString("state"),
        r.getString("response_code"),
        r.getString("authorization_code"),
        card,
        r.getString("payment_method_id"));
  }

  /** A tuple that may hold nulls (Tuple.of and List.of refuse them). */
  private static Tuple values(Object... values) {
    Tuple t = Tuple.tuple();
    for (Object v : values) {
      t.addValue(v);
    }
    return t;
  }
}
