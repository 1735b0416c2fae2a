package dev.payplatform.events.messaging;

import dev.payplatform.events.config.EventsConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Where the event log starts reading a partition its consumer group has never committed: at the
 * first record of the last {@code events.log.backfill}, or at the partition's end when none is that
 * recent (an empty partition included), so a new deployment's log begins with recent history, not
 * with days of it. Kafka's own {@code auto.offset.reset=by_duration:…} makes the same lookup, but
 * on a partition with no such record it keeps retrying it instead of settling at the end, and the
 * first events such a partition then receives waited 20–60 s (decision 0017). A partition with a
 * committed offset resumes there. The end is read before the window, so a record published
 * meanwhile is never skipped. Without a backfill (the tests), the channels' {@code
 * auto.offset.reset=earliest} applies.
 */
@ApplicationScoped
@Identifier(BackfillStart.NAME)
public class BackfillStart implements KafkaConsumerRebalanceListener {
  static final String NAME = "events-log-start";
  private static final Logger LOG = Logger.getLogger(BackfillStart.class);

  private final Optional<Duration> backfill;
  private final InstantSource clock;

  @Inject
  public BackfillStart(EventsConfig config, InstantSource clock) {
    this(config.log().backfill(), clock);
  }

  public BackfillStart(Optional<Duration> backfill, InstantSource clock) {
    this.backfill = backfill;
    this.clock = clock;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (backfill.isEmpty() || partitions.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> committed =
        consumer.committed(new HashSet<>(partitions));
    Set<TopicPartition> fresh = new HashSet<>();
    for (TopicPartition p : partitions) {
      if (committed.get(p) == null) {
        fresh.add(p);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    // The end offsets first, then the window: a record published between the two lookups is at
    // or after the end read first, so starting there never skips it (the reverse order did).
    Map<TopicPartition, Long> ends = consumer.endOffsets(fresh);
    long since = clock.instant().minus(backfill.get()).toEpochMilli();
    Map<TopicPartition, Long> query = new HashMap<>();
    fresh.forEach(p -> query.put(p, since));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    for (TopicPartition p : fresh) {
      OffsetAndTimestamp first = found.get(p);
      if (first != null) {
        consumer.seek(p, first.offset());
        LOG.infof(
            "event log starts %s at offset %d (backfill %s)", p, first.offset(), backfill.get());
      } else {
        long end = ends.get(p);
        consumer.seek(p, end);
        LOG.infof("event log starts %s at its end, offset %d", p, end);
      }
    }
  }
}
