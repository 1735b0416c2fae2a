package dev.payplatform.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.payments.domain.LedgerHash;
import dev.payplatform.payments.domain.Posting;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ledger's invariants hold in the database itself, whatever a bug in the code (or an operator
 * with psql) tries: an unbalanced entry cannot commit, and journal rows cannot be changed or
 * removed.
 */
@QuarkusTest
class LedgerInvariantsTest {

  private static long entry(Statement st, String key) throws SQLException {
    try (var rs =
        st.executeQuery(
            "insert into ledger_entry (txn_id, idem_key, merchant_id, livemode, type, source,"
                + " currency, amount, fee, net, available_on, created_at, chain_seq, prev_hash, hash)"
                + " values ('txn_"
                + key
                + "', 'adjustment:"
                + key
                + "', 'mer_inv', false, 'adjustment', 'pay_inv', 'USD', 100, 0, 100, now(), now(), "
                + Math.abs(key.hashCode())
                + ", 'x', 'y') returning id")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void anEntryWhoseDebitsAndCreditsDifferCannotCommit() throws SQLException {
    String key = UUID.randomUUID().toString().replace("-", "");
    try (Connection c = Db.connect()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        long id = entry(st, key);
        st.executeUpdate(
            "insert into ledger_posting (entry_id, account, currency, amount) values ("
                + id
                + ", 'processor:test:USD:clearing', 'USD', 100), ("
                + id
                + ", 'merchant:mer_inv:test:USD:pending', 'USD', -99)");
      }
      assertThatThrownBy(c::commit).hasMessageContaining("does not balance");
    }
    assertThat(
            Db.count("select count(*) from ledger_entry where idem_key = ?", "adjustment:" + key))
        .isZero();
  }

  @Test
  void anEntryWithOnePostingCannotCommit() throws SQLException {
    String key = UUID.randomUUID().toString().replace("-", "");
    try (Connection c = Db.connect()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        entry(st, key);
      }
      assertThatThrownBy(c::commit).hasMessageContaining("at least two");
    }
  }

  @Test
  void postedRowsCannotBeChangedOrRemoved() throws SQLException {
    String key = UUID.randomUUID().toString().replace("-", "");
    String merchant = "mer_inv" + key;
    // A well-formed entry with its chain (so that the ledger still verifies afterwards).
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<Posting> postings =
        List.of(
            new Posting("processor:test:USD:clearing", "USD", 100),
            new Posting(Posting.pending(merchant, false, "USD"), "USD", -100));
    String hash =
        LedgerHash.of(
            LedgerHash.GENESIS,
            new LedgerHash.Content(
                "txn_" + key,
                "adjustment:" + key,
                merchant,
                false,
                "adjustment",
                "pay_inv",
                "USD",
                100,
                0,
                100,
                null,
                null,
                null,
                at,
                at,
                1,
                postings));
    try (Connection c = Db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ledger_entry (txn_id, idem_key, merchant_id, livemode, type, source,"
                  + " currency, amount, fee, net, available_on, created_at, chain_seq, prev_hash,"
                  + " hash) values (?, ?, ?, false, 'adjustment', 'pay_inv', 'USD', 100, 0, 100, ?,"
                  + " ?, 1, ?, ?) returning id")) {
        ps.setString(1, "txn_" + key);
        ps.setString(2, "adjustment:" + key);
        ps.setString(3, merchant);
        ps.setObject(4, at.atOffset(ZoneOffset.UTC));
        ps.setObject(5, at.atOffset(ZoneOffset.UTC));
        ps.setString(6, LedgerHash.GENESIS);
        ps.setString(7, hash);
        try (var rs = ps.executeQuery()) {
          rs.next();
          long id = rs.getLong(1);
          for (Posting p : postings) {
            try (PreparedStatement pp =
                c.prepareStatement(
                    "insert into ledger_posting (entry_id, account, currency, amount)"
                        + " values (?, ?, ?, ?)")) {
              pp.setLong(1, id);
              pp.setString(2, p.account());
              pp.setString(3, p.currency());
              pp.setLong(4, p.amount());
              pp.executeUpdate();
            }
          }
        }
      }
      try (PreparedStatement ch =
          c.prepareStatement(
              "insert into ledger_chain (merchant_id, livemode, last_seq, last_hash)"
                  + " values (?, false, 1, ?)")) {
        ch.setString(1, merchant);
        ch.setString(2, hash);
        ch.executeUpdate();
      }
      c.commit();
    }
    for (String change :
        new String[] {
          "update ledger_entry set amount = 1 where idem_key = 'adjustment:" + key + "'",
          "delete from ledger_entry where idem_key = 'adjustment:" + key + "'",
          "update ledger_posting set amount = 1 where account = 'processor:test:USD:clearing'",
          "delete from ledger_posting where account = '"
              + Posting.pending(merchant, false, "USD")
              + "'",
          "truncate ledger_posting"
        }) {
      assertThatThrownBy(() -> Db.update(change)).hasMessageContaining("append-only");
    }
  }

  @Test
  void balanceAvailableFollowsPaymentSucceededOnThePaymentsStream() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "10.00", "USD");
    Api.publishCheckout(
        "payment_intent.succeeded", merchant, false, Api.succeeded(id, 1000, "USD"));
    Api.awaitStatus(merchant, "test", id, "completed");
    // The outbox publishes in id order: this is the order on the payment's stream.
    List<String> types = new java.util.ArrayList<>();
    try (var c = Db.connect();
        var ps =
            c.prepareStatement(
                "select event_type from outbox_event where aggregate_key = ? order by id")) {
      ps.setString(1, id);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          types.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(types).containsSubsequence("payment.succeeded", "balance.available");
    assertThat(types.indexOf("balance.available"))
        .isGreaterThan(types.indexOf("payment.succeeded"));
  }
}
