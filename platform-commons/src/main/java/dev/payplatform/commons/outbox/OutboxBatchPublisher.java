package dev.payplatform.commons.outbox;

import io.opentelemetry.api.trace.Span;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes one batch of outbox rows in id order and marks the prefix Kafka acknowledged; also
 * builds the producer whose settings that ordering relies on. Apart from {@link OutboxRelay}, which
 * decides when a batch runs (leadership, notifications, back-off): this decides what one batch
 * does.
 */
final class OutboxBatchPublisher {
  // Parked rows are skipped, and so is every later row of a parked row's aggregate: per-key order
  // holds, and the rest of the outbox flows on.
  private static final String SELECT_BATCH =
      "select id, event_id, topic, aggregate_key, event_type, source, subject, merchant_id,"
          + " livemode, request_id, occurred_at, payload::text, attempts, traceparent"
          + " from outbox_event o"
          + " where published_at is null and parked_at is null and not exists (select 1 from"
          + " outbox_event p where p.parked_at is not null and p.published_at is null"
          + " and p.aggregate_key = o.aggregate_key and p.id < o.id) order by id limit ?";
  private static final String MARK_SENT =
      "update outbox_event set published_at = now() where id = any(?)";

  private final int batchSize;
  private final Duration pollInterval;
  private final Map<String, Object> kafkaConfig;
  private final OutboxEventRecords records;
  private final OutboxParking parking;
  private final OutboxRelayMetrics metrics;

  OutboxBatchPublisher(
      int batchSize,
      Duration pollInterval,
      Map<String, Object> kafkaConfig,
      OutboxEventRecords records,
      OutboxParking parking,
      OutboxRelayMetrics metrics) {
    this.batchSize = batchSize;
    this.pollInterval = pollInterval;
    this.kafkaConfig = kafkaConfig;
    this.records = records;
    this.parking = parking;
    this.metrics = metrics;
  }

  /** Publishes the next batch; returns how many rows Kafka acknowledged and were marked sent. */
  int publishBatch(Connection c, KafkaProducer<String, String> producer)
      throws SQLException, KafkaUnavailable {
    List<Long> ids = new ArrayList<>();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT_BATCH)) {
      ps.setInt(1, batchSize);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          Span span = records.publishSpan(rs);
          spans.add(span);
          Future<RecordMetadata> ack = producer.send(records.toRecord(rs, span));
          acks.add(ack);
          if (ack.isDone() && refusedAtOnce(ack)) {
            // The producer refused the row itself (too large, say): send nothing after it in this
            // batch, or a later row of its aggregate would reach the topic before it.
            break;
          }
        }
      }
    } catch (org.apache.kafka.common.KafkaException e) {
      OutboxEventRecords.endSpans(spans, 0, e.getMessage());
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
          parking.recordRefusal(c, ids.get(i), e.getCause());
          metrics.refresh(c);
          sleep(pollInterval);
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
    OutboxEventRecords.endSpans(spans, done.size(), failure == null ? "refused" : failure);
    if (!done.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(MARK_SENT)) {
        Array array = c.createArrayOf("bigint", done.toArray());
        ps.setArray(1, array);
        ps.executeUpdate();
      }
      metrics.countPublished(done.size());
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

  KafkaProducer<String, String> newProducer() {
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

  // The pause after a refusal, inside a batch; the relay pauses between batches with its own.
  /** Sleeps on the relay's own thread; an interrupt (shutdown) ends it early. */
  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kafka is down or slow: the batch stops, and the relay backs off and tries again. */
  static final class KafkaUnavailable extends Exception {
    KafkaUnavailable(String message) {
      super(message, null, false, false);
    }
  }
}
