package dev.payplatform.commons.outbox;

import dev.payplatform.commons.config.OutboxConfig;
import dev.payplatform.commons.outbox.OutboxBatchPublisher.KafkaUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes outbox rows to Kafka in id order, one active relay per service database.
 *
 * <p>Runs on one dedicated thread with its own JDBC connection outside the pool: the session-level
 * advisory lock that elects the leader lives on that connection (a pooled connection would take the
 * lock on one backend and release it on another), the same connection {@code LISTEN}s for the
 * insert trigger's {@code NOTIFY}, and losing it releases leadership to a follower. The producer is
 * idempotent with {@code acks=all}; rows are marked only after Kafka acknowledged them, so a crash
 * republishes (consumers dedupe by {@code ce_id}) and never loses. See
 * docs/decisions/0002-outbox-relay.md.
 *
 * <p>This class elects the leader and decides when a batch runs; {@link OutboxBatchPublisher}
 * publishes one batch, {@link OutboxParking} sets aside the rows Kafka refuses for good, and {@link
 * OutboxRelayMetrics} holds the gauges.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  private final boolean enabled;
  private final String jdbcUrl;
  private final String username;
  private final String password;
  private final Duration pollInterval;
  private final int batchSize;
  private final long lockId;
  private final OutboxRelayMetrics metrics;
  private final OutboxParking parking;
  private final OutboxBatchPublisher publisher;

  private volatile boolean running;
  private volatile Thread thread;
  private volatile Connection connection;

  public OutboxRelay(
      OutboxConfig config,
      // Quarkus's own datasource settings: the relay's leader lock needs a plain JDBC connection.
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
      @ConfigProperty(name = "quarkus.datasource.username") String username,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      MeterRegistry meterRegistry,
      OpenTelemetry telemetry) {
    this.enabled = config.relay().enabled();
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password.orElse(null);
    this.pollInterval = config.relay().pollInterval();
    this.batchSize = config.relay().batchSize();
    this.lockId = config.relay().lockId();
    // Plain collaborators built here, not beans: they share this relay's settings and lifetime.
    this.metrics = new OutboxRelayMetrics(meterRegistry);
    this.parking =
        new OutboxParking(
            jdbcUrl, username, this.password, Math.max(1, config.relay().maxAttempts()));
    this.publisher =
        new OutboxBatchPublisher(
            batchSize,
            pollInterval,
            kafkaConfig,
            new OutboxEventRecords(telemetry.getTracer("dev.payplatform.outbox")),
            parking,
            metrics);
  }

  void start(@Observes StartupEvent ignored) {
    if (!enabled) {
      LOG.info("outbox relay disabled by platform.outbox.relay.enabled=false");
      return;
    }
    running = true;
    thread = new Thread(this::run, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent ignored) {
    running = false;
    Thread t = thread;
    if (t != null) {
      // Closing the connection ends a blocking wait for notifications; interrupt only a thread
      // that is still busy after that (an interrupt would abort the producer's orderly close).
      closeQuietly(connection);
      try {
        t.join(3_000);
        if (t.isAlive()) {
          t.interrupt();
          t.join(2_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether this replica currently holds the relay lock (for health and tests). */
  public boolean isLeader() {
    return metrics.isLeader();
  }

  /** The parked rows, oldest first (operators: GET /admin/outbox/parked). */
  public List<ParkedRow> parkedRows() {
    return parking.parkedRows();
  }

  /**
   * Unparks every parked row (or one, by id) once its cause is fixed: it is published again, and
   * the rows of its aggregate that waited behind it follow in order. Returns how many.
   */
  public int replayParked(Long id) {
    return parking.replayParked(id);
  }

  /** A parked row as an operator sees it; {@code waiting}: later rows of its aggregate. */
  public record ParkedRow(
      long id,
      String eventId,
      String eventType,
      String topic,
      String aggregateKey,
      int attempts,
      String lastError,
      String parkedAt,
      long waiting) {}

  private void run() {
    KafkaProducer<String, String> producer = publisher.newProducer();
    try {
      while (running) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, username, password)) {
          connection = c;
          c.setAutoCommit(true);
          if (!tryLead(c)) {
            OutboxBatchPublisher.sleep(pollInterval);
            continue;
          }
          metrics.setLeader(true);
          LOG.info("outbox relay is the leader for this database");
          try (Statement st = c.createStatement()) {
            st.execute("LISTEN outbox_event");
          }
          relayWhileLeader(c, producer);
        } catch (SQLException e) {
          if (running) {
            LOG.warnf("outbox relay lost its database connection: %s", e.getMessage());
            OutboxBatchPublisher.sleep(pollInterval);
          }
        } finally {
          metrics.setLeader(false);
          connection = null;
        }
      }
    } catch (RuntimeException e) {
      LOG.error("outbox relay stopped", e);
    } finally {
      Thread.interrupted(); // a stop may have interrupted us; close the producer regardless
      producer.close(Duration.ofSeconds(5));
    }
  }

  private boolean tryLead(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
      ps.setLong(1, lockId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private void relayWhileLeader(Connection c, KafkaProducer<String, String> producer)
      throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    Duration backoff = pollInterval;
    while (running) {
      int sent;
      try {
        sent = publisher.publishBatch(c, producer);
        backoff = pollInterval;
      } catch (KafkaUnavailable e) {
        // Kafka is down or slow: events wait in the outbox, the API keeps working.
        LOG.warnf("outbox relay cannot publish yet: %s", e.getMessage());
        metrics.refresh(c); // the lag and pending gauges matter most while Kafka is away
        OutboxBatchPublisher.sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                ? Duration.ofSeconds(30)
                : backoff.multipliedBy(2);
        continue;
      }
      if (sent < batchSize) {
        metrics.refresh(c);
        // Blocks until a NOTIFY arrives (an insert committed) or the poll interval passes.
        pg.getNotifications((int) pollInterval.toMillis());
      }
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing to interrupt a blocking wait; nothing to do
      }
    }
  }
}
