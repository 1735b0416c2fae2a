package dev.payplatform.commons.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** What heals by itself (retried, 503) and what does not (dead-lettered, 500). */
class TransientFailuresTest {

  @Test
  void aDatabaseOrBrokerAwayForAMomentIsTransientWhereverItIsWrapped() {
    assertThat(TransientFailures.isTransient(new ConnectException("Connection refused"))).isTrue();
    assertThat(TransientFailures.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
    assertThat(TransientFailures.isTransient(new TimeoutException())).isTrue();
    assertThat(
            TransientFailures.isTransient(
                new org.apache.kafka.common.errors.TimeoutException("fetching topic metadata")))
        .isTrue();
    assertThat(
            TransientFailures.isTransient(
                new RuntimeException("wrapped", new IllegalStateException(new ConnectException()))))
        .isTrue();
    IllegalStateException closing =
        new IllegalStateException(
            "HR000090: Live transaction detected while closing the connection");
    assertThat(TransientFailures.isTransient(closing)).isTrue();
    RuntimeException suppressed = new RuntimeException("rollback failed");
    suppressed.addSuppressed(ClosedConnectionException.INSTANCE);
    assertThat(TransientFailures.isTransient(suppressed)).isTrue();
  }

  @Test
  void serverSideAbortsThatARetryClearsAreTransient() {
    for (String state : new String[] {"40001", "40P01", "57P01", "57P03", "08006", "53300"}) {
      assertThat(TransientFailures.isTransient(new PgException("x", "FATAL", state, "d")))
          .as(state)
          .isTrue();
      assertThat(TransientFailures.isTransient(new SQLException("x", state))).as(state).isTrue();
    }
  }

  @Test
  void bugsConstraintViolationsAndUnreadableJsonAreNot() {
    assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
    assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    assertThat(TransientFailures.isTransient(new PgException("dup", "ERROR", "23505", "d")))
        .as("unique violation")
        .isFalse();
    assertThat(TransientFailures.isTransient(new JsonParseException(null, "not json")))
        .as("JSON errors are IOExceptions too")
        .isFalse();
  }
}
