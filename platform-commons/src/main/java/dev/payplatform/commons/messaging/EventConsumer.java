package dev.payplatform.commons.messaging;

import dev.payplatform.commons.faults.TransientFailures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * The one consumer mechanism. A consumer's {@code @Incoming} method hands each record (or polled
 * batch) and its {@link EventHandlers table} here, and this does the rest:
 *
 * <ul>
 *   <li>passes over a type the table has no route for, from its {@code ce_type} header alone;
 *   <li>reads the CloudEvent and maps its data onto the handler's payload record (tolerant);
 *   <li>claims the event id in the inbox and runs the handler in one transaction, so a redelivery
 *       does nothing;
 *   <li>retries a <em>transient</em> failure (database or broker away, pool full, deadlock) in
 *       place, with exponential backoff and without limit: the record is not acknowledged, so its
 *       offset is not committed and later records of the partition wait behind it. The channel
 *       pauses while the database is away and resumes by itself;
 *   <li>retries any other failure up to {@code platform.consumer.max-attempts} times, then sends
 *       the record to the consumer's dead-letter topic and goes on;
 *   <li>dead-letters at once a record that can never be applied (not a CloudEvent, data that does
 *       not map, a payload with a {@link EventPayload#problem() problem}, a handler's {@link
 *       MalformedEventException}).
 * </ul>
 *
 * <p>Nothing ever fails the Reactive Messaging channel, so a channel never stops for good. See
 * docs/decisions/0006-consumer-failures-and-dead-letters.md. Its parts: {@link EventReader} reads a
 * record, {@link EventApplier} claims and handles it, {@link ConsumerRetries} paces and reports the
 * retries.
 */
@ApplicationScoped
public class EventConsumer {
  private static final Logger LOG = Logger.getLogger(EventConsumer.class);

  private final EventReader reader;
  private final EventApplier applier;
  private final DeadLetters deadLetters;
  private final ConsumerRetries retries;

  public EventConsumer(
      EventReader reader, EventApplier applier, DeadLetters deadLetters, ConsumerRetries retries) {
    this.reader = reader;
    this.applier = applier;
    this.deadLetters = deadLetters;
    this.retries = retries;
  }

  /** Makes a consumer known (its dead letters listed and replayable); returns the table. */
  public EventHandlers register(EventHandlers table) {
    deadLetters.register(table);
    retries.register(table.consumer());
    return table;
  }

  /** One record: completes when it was applied, skipped or dead-lettered; never fails. */
  public Uni<Void> consume(EventHandlers table, ConsumerRecord<String, String> record) {
    return consumeOn(table, record, Vertx.currentContext());
  }

  /**
   * A polled batch in one transaction (one commit for many events is what lets a read model keep up
   * with a burst); each event is still claimed on its own. A transient failure retries the batch;
   * any other failure replays it record by record, so only the bad record is retried and
   * dead-lettered.
   */
  public Uni<Void> consumeBatch(EventHandlers table, ConsumerRecords<String, String> records) {
    Context context = Vertx.currentContext();
    List<ConsumerRecord<String, String>> list = new ArrayList<>();
    records.forEach(list::add);
    return Uni.createFrom().emitter(done -> new BatchRun(table, list, context, done).attempt());
  }

  private Uni<Void> consumeOn(
      EventHandlers table, ConsumerRecord<String, String> record, Context context) {
    return Uni.createFrom().emitter(done -> new RecordRun(table, record, context, done).attempt());
  }

  /**
   * One record's attempts, driven by callbacks and timers rather than by nesting each retry in the
   * one before: a database away for hours means thousands of retries, and nested they would grow
   * the stack and the heap with every one.
   */
  private final class RecordRun {
    private final EventHandlers table;
    private final ConsumerRecord<String, String> record;
    private final Context context;
    private final UniEmitter<? super Void> done;
    private final ConsumerRetries.Waiting waiting;
    private int attempt = 1;
    private int transientRetries;
    private int publishRetries;

    RecordRun(
        EventHandlers table,
        ConsumerRecord<String, String> record,
        Context context,
        UniEmitter<? super Void> done) {
      this.table = table;
      this.record = record;
      this.context = context;
      this.done = done;
      this.waiting = retries.waiting(table);
    }

    void attempt() {
      PreparedEvent prepared;
      try {
        prepared = reader.read(table, record);
      } catch (RuntimeException unreadable) {
        deadLetter(unreadable);
        return;
      }
      if (prepared == null) {
        finish();
        return;
      }
      Panache.withTransaction(() -> applier.apply(table, prepared))
          .subscribe()
          .with(ok -> finish(), this::failed);
    }

    private void failed(Throwable failure) {
      if (isMalformed(failure)) {
        deadLetter(failure);
      } else if (TransientFailures.isTransient(failure)) {
        waiting.start();
        transientRetries++;
        retries.retried(table, record, failure, transientRetries, "transient", "transient");
        retries.later(retries.backoff(transientRetries - 1), context, this::attempt);
      } else if (attempt >= retries.maxAttempts()) {
        deadLetter(failure);
      } else {
        waiting.start();
        retries.retried(table, record, failure, attempt, "error", "failed");
        attempt++;
        retries.later(retries.backoff(attempt - 2), context, this::attempt);
      }
    }

    /** Publishes to the dead-letter topic; a broker that is away is waited for. */
    private void deadLetter(Throwable reason) {
      deadLetters
          .publish(table, record, reason, attempt)
          .emitOn(runnable -> ConsumerRetries.onContext(context, runnable))
          .subscribe()
          .with(
              ok -> {
                retries.deadLettered(table, record, deadLetters.topicOf(table), reason, attempt);
                finish();
              },
              failure -> {
                waiting.start();
                publishRetries++;
                LOG.warnf(
                    "%s: could not publish a dead letter yet (%s); retrying",
                    table.consumer(), failure.toString());
                retries.later(
                    retries.backoff(publishRetries - 1), context, () -> deadLetter(reason));
              });
    }

    private void finish() {
      waiting.stop();
      done.complete(null);
    }
  }

  /** A batch's attempts, as {@link RecordRun}; any failure but a transient one goes one by one. */
  private final class BatchRun {
    private final EventHandlers table;
    private final List<ConsumerRecord<String, String>> records;
    private final Context context;
    private final UniEmitter<? super Void> done;
    private final ConsumerRetries.Waiting waiting;
    private int transientRetries;

    BatchRun(
        EventHandlers table,
        List<ConsumerRecord<String, String>> records,
        Context context,
        UniEmitter<? super Void> done) {
      this.table = table;
      this.records = records;
      this.context = context;
      this.done = done;
      this.waiting = retries.waiting(table);
    }

    void attempt() {
      List<PreparedEvent> ready = new ArrayList<>();
      List<ConsumerRecord<String, String>> unreadable = new ArrayList<>();
      for (ConsumerRecord<String, String> r : records) {
        try {
          PreparedEvent p = reader.read(table, r);
          if (p != null) {
            ready.add(p);
          }
        } catch (RuntimeException e) {
          unreadable.add(r);
        }
      }
      Uni<Void> applied =
          ready.isEmpty()
              ? Uni.createFrom().voidItem()
              : Panache.withTransaction(
                  () ->
                      Multi.createFrom()
                          .iterable(ready)
                          .onItem()
                          .transformToUniAndConcatenate(p -> applier.apply(table, p))
                          .collect()
                          .last()
                          .replaceWithVoid());
      applied
          .subscribe()
          .with(
              // The unreadable ones were left out of the transaction: dead-letter them now.
              ok -> oneByOne(unreadable),
              failure -> {
                if (TransientFailures.isTransient(failure) && !isMalformed(failure)) {
                  waiting.start();
                  transientRetries++;
                  retries.retried(
                      table,
                      records.get(0),
                      failure,
                      transientRetries,
                      "transient",
                      "transient (batch)");
                  retries.later(retries.backoff(transientRetries - 1), context, this::attempt);
                } else {
                  LOG.warnf(
                      "%s: a batch of %d failed (%s); applying its records one by one",
                      table.consumer(), records.size(), failure.toString());
                  oneByOne(records);
                }
              });
    }

    private void oneByOne(List<ConsumerRecord<String, String>> which) {
      waiting.stop();
      Multi.createFrom()
          .iterable(which)
          .onItem()
          .transformToUniAndConcatenate(r -> consumeOn(table, r, context))
          .collect()
          .last()
          .subscribe()
          .with(ok -> done.complete(null), done::fail);
    }
  }

  private static boolean isMalformed(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MalformedEventException) {
        return true;
      }
    }
    return false;
  }
}
