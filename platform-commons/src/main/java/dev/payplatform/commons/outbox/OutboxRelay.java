package dev.payplatform.commons.outbox;

import dev.payplatform.commons.config.OutboxConfig;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.tracing.TraceParents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
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
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  // Parked rows are skipped, and so is every later row of a parked row's aggregate: per-key order
  // holds, and the rest of the outbox flows on.
  private static final String SELECT_BATCH =
      "select id, event_id, topic, aggregate_key, event_type, source, subject, merchant_id,"
          + " livemode, request_id, occurred_at, payload::text, attempts, traceparent"
          + " from outbox_event o"
          + " where published_at is null and parked_at is null and not exists (select 1 from"
          + " outbox_event p where p.parked_at is not null and p.published_at is null"
          + " and p.aggregate_key = o.aggregate_key and p.id < o.id) order by id limit ?";
  private static final String RECORD_FAILURE =
      "update outbox_event set attempts = attempts + 1, last_error = ?,"
          + " parked_at = case when attempts + 1 >= ? then now() end where id = ?";
  private static final String MARK_SENT =
      "update outbox_event set published_at = now() where id = any(?)";
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

  private final boolean enabled;
  private final String jdbcUrl;
  private final String username;
  private final String password;
  private final Duration pollInterval;
  private final int batchSize;
  private final long lockId;
  private final Map<String, Object> kafkaConfig;
  private final int maxAttempts;
  private final Counter published;
  private final Tracer tracer;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong parked = new AtomicLong();
  private final AtomicLong lagSeconds = new AtomicLong();
  private final AtomicLong leader = new AtomicLong();

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
      MeterRegistry metrics,
      OpenTelemetry telemetry) {
    this.enabled = config.relay().enabled();
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password.orElse(null);
    this.pollInterval = config.relay().pollInterval();
    this.batchSize = config.relay().batchSize();
    this.lockId = config.relay().lockId();
    this.kafkaConfig = kafkaConfig;
    this.maxAttempts = Math.max(1, config.relay().maxAttempts());
    this.published = metrics.counter("outbox.published");
    this.tracer = telemetry.getTracer("dev.payplatform.outbox");
    metrics.gauge("outbox.pending", pending);
    metrics.gauge("outbox.parked", parked);
    // Age of the oldest row waiting to be published (parked rows are outbox_parked's business).
    metrics.gauge("outbox.lag.seconds", lagSeconds);
    metrics.gauge("outbox.relay.leader", leader);
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
    return leader.get() == 1;
  }

  private void run() {
    KafkaProducer<String, String> producer = newProducer();
    try {
      while (running) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, username, password)) {
          connection = c;
          c.setAutoCommit(true);
          if (!tryLead(c)) {
            sleep(pollInterval);
            continue;
          }
          leader.set(1);
          LOG.info("outbox relay is the leader for this database");
          try (Statement st = c.createStatement()) {
            st.execute("LISTEN outbox_event");
          }
          relayWhileLeader(c, producer);
        } catch (SQLException e) {
          if (running) {
            LOG.warnf("outbox relay lost its database connection: %s", e.getMessage());
            sleep(pollInterval);
          }
        } finally {
          leader.set(0);
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
        sent = publishBatch(c, producer);
        backoff = pollInterval;
      } catch (KafkaUnavailable e) {
        // Kafka is down or slow: events wait in the outbox, the API keeps working.
        LOG.warnf("outbox relay cannot publish yet: %s", e.getMessage());
        refreshPending(c); // the lag and pending gauges matter most while Kafka is away
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                ? Duration.ofSeconds(30)
                : backoff.multipliedBy(2);
        continue;
      }
      if (sent < batchSize) {
        refreshPending(c);
        // Blocks until a NOTIFY arrives (an insert committed) or the poll interval passes.
        pg.getNotifications((int) pollInterval.toMillis());
      }
    }
  }

  private int publishBatch(Connection c, KafkaProducer<String, String> producer)
      throws SQLException, KafkaUnavailable {
    List<Long> ids = new ArrayList<>();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT_BATCH)) {
      ps.setInt(1, batchSize);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          Span span = publishSpan(rs);
          spans.add(span);
          Future<RecordMetadata> ack = producer.send(toRecord(rs, span));
          acks.add(ack);
          if (ack.isDone() && refusedAtOnce(ack)) {
            // The producer refused the row itself (too large, say): send nothing after it in this
            // batch, or a later row of its aggregate would reach the topic before it.
            break;
          }
        }
      }
    } catch (org.apache.kafka.common.KafkaException e) {
      endSpans(spans, 0, e.getMessage());
      throw new KafkaUnavailable(e.getMessage());
    }
    if (ids.isEmpty()) {
      return 0;
    }
    producer.flush();
    // Mark the prefix that Kafka acknowledged; the rest is retried (at-least-once, deduped by
    // consumers through the inbox).
    List<Long> done = new ArrayList<>(ids.size());
    String failure = null;
    for (int i = 0; i < ids.size(); i++) {
      try {
        acks.get(i).get(30, TimeUnit.SECONDS);
        done.add(ids.get(i));
      } catch (ExecutionException e) {
        if (isRefusedForGood(e.getCause())) {
          // Kafka refuses this row itself (too large, invalid): count it, park it after a few
          // attempts; the rows after it are picked up again by the next batch.
          recordRefusal(c, ids.get(i), e.getCause());
          break;
        }
        failure = e.getMessage();
        break;
      } catch (TimeoutException e) {
        failure = e.getMessage();
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = "interrupted";
        break;
      }
    }
    endSpans(spans, done.size(), failure == null ? "refused" : failure);
    if (!done.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(MARK_SENT)) {
        Array array = c.createArrayOf("bigint", done.toArray());
        ps.setArray(1, array);
        ps.executeUpdate();
      }
      published.increment(done.size());
    }
    if (failure != null) {
      throw new KafkaUnavailable(failure);
    }
    return done.size();
  }

  private static boolean refusedAtOnce(Future<RecordMetadata> ack) {
    try {
      ack.get(0, TimeUnit.MILLISECONDS);
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A failure of the row, not of the broker: retrying the same bytes will not help. */
  private static boolean isRefusedForGood(Throwable cause) {
    return cause instanceof org.apache.kafka.common.errors.ApiException
        && !(cause instanceof org.apache.kafka.common.errors.RetriableException)
        && !(cause instanceof org.apache.kafka.common.errors.AuthenticationException)
        && !(cause instanceof org.apache.kafka.common.errors.AuthorizationException);
  }

  private void recordRefusal(Connection c, long id, Throwable cause) throws SQLException {
    String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    try (PreparedStatement ps = c.prepareStatement(RECORD_FAILURE)) {
      ps.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
      ps.setInt(2, maxAttempts);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
    LOG.errorf(
        "outbox row %d refused by Kafka (parked after %d attempts): %s", id, maxAttempts, error);
    refreshPending(c);
    sleep(pollInterval);
  }

  /** The parked rows, oldest first (operators: GET /admin/outbox/parked). */
  public List<ParkedRow> parkedRows() {
    List<ParkedRow> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, username, password);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select id, event_id, event_type, topic, aggregate_key, attempts, last_error,"
                    + " parked_at, (select count(*) from outbox_event w where w.published_at is null"
                    + " and w.aggregate_key = p.aggregate_key and w.id > p.id) from outbox_event p"
                    + " where parked_at is not null and published_at is null order by id")) {
      while (rs.next()) {
        rows.add(
            new ParkedRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant().toString(),
                rs.getLong(9)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read parked outbox rows: " + e.getMessage(), e);
    }
    return rows;
  }

  /**
   * Unparks every parked row (or one, by id) once its cause is fixed: it is published again, and
   * the rows of its aggregate that waited behind it follow in order. Returns how many.
   */
  public int replayParked(Long id) {
    String sql =
        "update outbox_event set parked_at = null, attempts = 0 where parked_at is not null"
            + " and published_at is null"
            + (id == null ? "" : " and id = ?");
    try (Connection c = DriverManager.getConnection(jdbcUrl, username, password);
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (id != null) {
        ps.setLong(1, id);
      }
      int n = ps.executeUpdate();
      try (Statement st = c.createStatement()) {
        st.execute("select pg_notify('outbox_event', '')");
      }
      LOG.infof("operator replayed %d parked outbox row(s)", n);
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot replay parked outbox rows: " + e.getMessage(), e);
    }
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

  /**
   * The publish span of a row written inside a trace (a row without one, from a sweep say, gets an
   * invalid span and no header): a child of the writer's span, and the parent of its consumers'.
   */
  private Span publishSpan(ResultSet rs) throws SQLException {
    String traceparent = rs.getString("traceparent");
    if (traceparent == null) {
      return Span.getInvalid();
    }
    String topic = rs.getString("topic");
    return tracer
        .spanBuilder(topic + " publish")
        .setParent(TraceParents.parent(traceparent))
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", topic)
        .setAttribute("messaging.message.id", rs.getString("event_id"))
        .setAttribute("cloudevents.event_type", rs.getString("event_type"))
        .startSpan();
  }

  /** Ends a batch's publish spans: the first {@code acknowledged} succeeded, the rest did not. */
  private static void endSpans(List<Span> spans, int acknowledged, String failure) {
    for (int i = 0; i < spans.size(); i++) {
      if (i >= acknowledged) {
        spans.get(i).setStatus(StatusCode.ERROR, failure);
      }
      spans.get(i).end();
    }
  }

  private ProducerRecord<String, String> toRecord(ResultSet rs, Span span) throws SQLException {
    RecordHeaders headers = new RecordHeaders();
    header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
    header(headers, CloudEventHeaders.ID, rs.getString("event_id"));
    header(headers, CloudEventHeaders.TYPE, rs.getString("event_type"));
    header(headers, CloudEventHeaders.SOURCE, rs.getString("source"));
    header(headers, CloudEventHeaders.SUBJECT, rs.getString("subject"));
    header(
        headers,
        CloudEventHeaders.TIME,
        RFC3339.format(rs.getTimestamp("occurred_at").toInstant()));
    header(headers, CloudEventHeaders.MERCHANT_ID, rs.getString("merchant_id"));
    Object live = rs.getObject("livemode");
    header(headers, CloudEventHeaders.LIVEMODE, live == null ? null : live.toString());
    header(headers, CloudEventHeaders.REQUEST_ID, rs.getString("request_id"));
    header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
    header(headers, TraceParents.HEADER, TraceParents.of(Context.root().with(span)));
    return new ProducerRecord<>(
        rs.getString("topic"), null, rs.getString("aggregate_key"), rs.getString(12), headers);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void refreshPending(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select count(*), count(*) filter (where parked_at is not null),"
                    + " coalesce(extract(epoch from now() - min(occurred_at) filter"
                    + " (where parked_at is null)), 0)"
                    + " from outbox_event where published_at is null")) {
      if (rs.next()) {
        pending.set(rs.getLong(1));
        parked.set(rs.getLong(2));
        lagSeconds.set(rs.getLong(3));
      }
    }
  }

  private KafkaProducer<String, String> newProducer() {
    Map<String, Object> config = new HashMap<>();
    for (Map.Entry<String, Object> e : kafkaConfig.entrySet()) {
      if (ProducerConfig.configNames().contains(e.getKey())) {
        config.put(e.getKey(), e.getValue());
      }
    }
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(config);
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  private static final class KafkaUnavailable extends Exception {
    KafkaUnavailable(String message) {
      super(message, null, false, false);
    }
  }
}
