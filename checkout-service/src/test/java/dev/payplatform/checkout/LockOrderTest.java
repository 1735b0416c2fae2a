package dev.payplatform.checkout;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One lock order everywhere: the payment intent, then its checkout session. A confirmation's second
 * transaction takes them in that order (the intent, then the session it completes); the session
 * expiry sweep used to take the session first, and the two could deadlock, PostgreSQL aborting one
 * of them. Reproduced here with the confirmation's locks held by hand while the sweep runs.
 */
@QuarkusTest
class LockOrderTest {

  @Test
  void theExpirySweepAndAConfirmationsSecondTransactionNeverDeadlock() throws Exception {
    String sessionId = Api.session(Api.newMerchant());
    Api.Intent intent = Api.intent(sessionId);

    try (Connection confirmation = Db.connect()) {
      confirmation.setAutoCommit(false);
      // A confirmation's second transaction begins: it holds the intent...
      lock(confirmation, "select id from payment_intent where id = ? for update", intent.id());
      // ...when the session falls due and the sweep (every second in tests) reaches it.
      Db.update(
          "update checkout_session set expires_at = now() - interval '1 second' where id = ?",
          sessionId);
      Thread.sleep(2_500);
      // The confirmation goes on to complete the session: with the sweep holding the session and
      // waiting for the intent, PostgreSQL found a deadlock here and aborted the confirmation
      // (40P01), after the card had been charged.
      assertThatCode(
              () ->
                  lock(
                      confirmation,
                      "select id from checkout_session where id = ? for update",
                      sessionId))
          .as("the confirmation's second transaction takes the session")
          .doesNotThrowAnyException();
      confirmation.commit();
    }

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "expired"
                    .equals(
                        Db.text("select status from checkout_session where id = ?", sessionId)));
  }

  private static void lock(Connection c, String sql, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      ps.executeQuery().close();
    }
  }
}
