package dev.payplatform.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random payments in four currencies (some converted to the merchant's settlement
 * currency), in test mode (available at once) and live mode (pending for two days), with partial,
 * full and excessive refunds, redelivered events and refunds repeated under new event ids,
 * published concurrently from four threads. After each round the ledger must hold: every entry
 * balances, the chains and balances verify, and each merchant's available + pending equals its
 * completed payments' net less the refunds' settled shares. The seed is printed; {@code
 * -Dledger.seed=N} replays a run; {@code -Dledger.payments-per-round=N} (150 by default, to keep
 * the suite's time) makes it larger.
 */
@QuarkusTest
class LedgerRandomizedTest {
  private static final int ROUNDS = 4;
  private static final int PAYMENTS_PER_ROUND =
      Integer.getInteger("ledger.payments-per-round", 150);
  private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY");

  /** One payment of the run and what the service must end up with. */
  private record Planned(
      String id,
      String merchant,
      boolean live,
      long amount,
      String currency,
      String key,
      List<ObjectNode> refunds,
      long expectedRefunded) {}

  /** One event to publish, in its payment's order. */
  private record Publication(
      String eventId, String type, String key, String merchant, boolean live, String json) {}

  @Test
  void theLedgerAddsUpAfterEveryRoundOfRandomPaymentsRefundsAndRedeliveries() throws Exception {
    long seed = Long.getLong("ledger.seed", System.nanoTime());
    System.out.println(
        "ledger randomized test seed: " + seed + " (replay with -Dledger.seed=" + seed + ")");
    Random random = new Random(seed);
    long started = System.nanoTime();
    List<String> merchants = new ArrayList<>();
    // One merchant settles in USD with FX from the others; the rest settle in what they are paid.
    String fxMerchant = Api.newMerchant();
    Api.publishMerchant(fxMerchant, "USD", "USD", 290, 30, "FX STORE");
    Db.awaitMerchantProfile(fxMerchant);
    merchants.add(fxMerchant);
    merchants.add(Api.newMerchant());
    merchants.add(Api.newMerchant());
    int events = 0;
    try (KafkaProducer<String, String> producer = producer()) {
      for (int round = 0; round < ROUNDS; round++) {
        List<Planned> planned = plan(random, merchants);
        List<List<Publication>> perThread = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          perThread.add(new ArrayList<>());
        }
        for (int i = 0; i < planned.size(); i++) {
          List<Publication> mine = perThread.get(i % 4);
          publications(random, planned.get(i), mine);
        }
        // Each thread keeps its payments' order but interleaves them at random.
        for (List<Publication> mine : perThread) {
          events += mine.size();
          interleave(random, mine);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (List<Publication> mine : perThread) {
          sent.add(pool.submit(() -> mine.forEach(p -> send(producer, p))));
        }
        for (Future<?> f : sent) {
          f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        producer.flush();
        awaitApplied(planned);
        assertLedgerAddsUp(merchants);
      }
    }
    // Every live charge's net has moved to available by now: pending is empty, and it still adds
    // up.
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> Db.count("select count(*) from ledger_settlement_due") == 0);
    for (String merchant : merchants) {
      JsonPath live = Api.as(merchant, "live").get("/v1/balance").then().extract().jsonPath();
      for (Map<String, Object> a : live.<Map<String, Object>>getList("pending")) {
        assertThat(((Number) a.get("amount")).longValue())
            .as("live pending after settlement")
            .isZero();
      }
    }
    assertLedgerAddsUp(merchants);
    assertThat(Db.count("select count(*) from ledger_entry where type = 'available'"))
        .as("live charges moved to available by the sweep")
        .isPositive();
    System.out.printf(
        "ledger randomized test: %d payments, %d events, %d rounds, %.1f s (seed %d)%n",
        ROUNDS * PAYMENTS_PER_ROUND, events, ROUNDS, (System.nanoTime() - started) / 1e9, seed);
  }

  private static List<Planned> plan(Random random, List<String> merchants) {
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < PAYMENTS_PER_ROUND; i++) {
      String merchant = merchants.get(random.nextInt(merchants.size()));
      boolean live = random.nextInt(3) == 0;
      String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
      long amount = 1 + random.nextInt(random.nextBoolean() ? 500 : 200_000);
      String id = "pay_" + UUID.randomUUID().toString().replace("-", "");
      List<ObjectNode> refunds = new ArrayList<>();
      long refunded = 0;
      int count = random.nextInt(4); // 0-3 refunds
      for (int r = 0; r < count; r++) {
        long refundAmount =
            random.nextInt(4) == 0
                ? amount - refunded + random.nextInt(50)
                : 1 + random.nextInt((int) Math.max(1, amount / 2));
        ObjectNode refund = Api.refund(id, Math.max(1, refundAmount), currency);
        refunds.add(refund);
        refunded += Math.min(Math.max(1, refundAmount), amount - refunded);
      }
      planned.add(
          new Planned(
              id,
              merchant,
              live,
              amount,
              currency,
              "pi_" + UUID.randomUUID().toString().replace("-", ""),
              refunds,
              refunded));
    }
    return planned;
  }

  /** The payment's success, then its refunds; some redelivered, some repeated under a new id. */
  private static void publications(Random random, Planned p, List<Publication> out) {
    ObjectNode success = Api.succeeded(p.id(), p.amount(), p.currency());
    success.put("payment_intent_id", p.key());
    String successId = newEventId();
    out.add(
        new Publication(
            successId,
            "payment_intent.succeeded",
            p.key(),
            p.merchant(),
            p.live(),
            Api.write(success)));
    if (random.nextInt(10) == 0) {
      out.add(
          new Publication(
              successId,
              "payment_intent.succeeded",
              p.key(),
              p.merchant(),
              p.live(),
              Api.write(success)));
    }
    if (random.nextInt(10) == 0) {
      out.add(
          new Publication(
              newEventId(),
              "payment_intent.succeeded",
              p.key(),
              p.merchant(),
              p.live(),
              Api.write(success)));
    }
    for (ObjectNode refund : p.refunds()) {
      String eventId = newEventId();
      Publication pub =
          new Publication(
              eventId, "refund.succeeded", p.key(), p.merchant(), p.live(), Api.write(refund));
      out.add(pub);
      if (random.nextInt(8) == 0) {
        out.add(pub); // redelivered
      }
      if (random.nextInt(8) == 0) {
        out.add(
            new Publication(
                newEventId(),
                "refund.succeeded",
                p.key(),
                p.merchant(),
                p.live(),
                Api.write(refund)));
      }
    }
  }

  /** Shuffles across payments while each payment's own events keep their order. */
  private static void interleave(Random random, List<Publication> list) {
    Map<String, List<Publication>> byKey = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (Publication p : list) {
      byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
      order.add(p.key());
    }
    Collections.shuffle(order, random);
    Map<String, Integer> next = new HashMap<>();
    list.clear();
    for (String key : order) {
      int i = next.merge(key, 1, Integer::sum) - 1;
      list.add(byKey.get(key).get(i));
    }
  }

  private static void awaitApplied(List<Planned> planned) {
    Map<String, Planned> byId = new HashMap<>();
    planned.forEach(p -> byId.put(p.id(), p));
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<String> behind = new ArrayList<>();
              for (Planned p : planned) {
                Map<String, Object> row =
                    Db.row("select status, refunded_total from payment where id = ?", p.id());
                if (row == null
                    || ((Number) row.get("refunded_total")).longValue() != p.expectedRefunded()) {
                  behind.add(p.id());
                }
              }
              assertThat(behind).as("payments not yet where their events take them").isEmpty();
            });
  }

  private static void assertLedgerAddsUp(List<String> merchants) {
    assertThat(
            Db.count(
                "select count(*) from (select entry_id from ledger_posting group by entry_id,"
                    + " currency having sum(amount) <> 0) t"))
        .as("entries that do not balance")
        .isZero();
    assertThat(
            Db.count(
                "select count(*) from ledger_entry e where (select count(*) from ledger_posting p"
                    + " where p.entry_id = e.id) < 2"))
        .as("entries with fewer than two postings")
        .isZero();
    Api.assertLedgerVerifies();
    // Test mode is available at once; live moves from pending to available by the sweep (2 s in
    // tests): whichever it is at this moment, the sum holds.
    for (String merchant : merchants) {
      for (String mode : List.of("test", "live")) {
        Map<String, Long> expected = expectedBalances(merchant, mode.equals("live"));
        JsonPath balance =
            Api.as(merchant, mode).get("/v1/balance").then().statusCode(200).extract().jsonPath();
        Map<String, Long> actual = new TreeMap<>();
        for (String bucket : List.of("available", "pending")) {
          List<Map<String, Object>> amounts = balance.getList(bucket);
          for (Map<String, Object> a : amounts) {
            actual.merge(
                (String) a.get("currency"), ((Number) a.get("amount")).longValue(), Long::sum);
          }
        }
        actual.values().removeIf(v -> v == 0);
        assertThat(actual).as("%s %s: available + pending", merchant, mode).isEqualTo(expected);
      }
    }
  }

  /** Completed payments' net less each payment's refunded share of its settled amount. */
  private static Map<String, Long> expectedBalances(String merchant, boolean live) {
    Map<String, Long> expected = new TreeMap<>();
    try (var c = Db.connect();
        var ps =
            c.prepareStatement(
                "select net_currency, net, settled_amount, amount, refunded_total from payment"
                    + " where merchant_id = ? and livemode = ? and net is not null")) {
      ps.setString(1, merchant);
      ps.setBoolean(2, live);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          long refundedShare =
              BigDecimal.valueOf(rs.getLong("settled_amount"))
                  .multiply(BigDecimal.valueOf(rs.getLong("refunded_total")))
                  .divide(BigDecimal.valueOf(rs.getLong("amount")), 0, RoundingMode.HALF_UP)
                  .longValueExact();
          expected.merge(
              rs.getString("net_currency"), rs.getLong("net") - refundedShare, Long::sum);
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    expected.values().removeIf(v -> v == 0);
    return expected;
  }

  private static KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return new KafkaProducer<>(p);
  }

  private static void send(KafkaProducer<String, String> producer, Publication p) {
    ProducerRecord<String, String> r = new ProducerRecord<>(Api.CHECKOUT_TOPIC, p.key(), p.json());
    header(r, CloudEventHeaders.SPEC_VERSION, "1.0");
    header(r, CloudEventHeaders.ID, p.eventId());
    header(r, CloudEventHeaders.TYPE, p.type());
    header(r, CloudEventHeaders.SOURCE, "/test");
    header(r, CloudEventHeaders.SUBJECT, p.key());
    header(r, CloudEventHeaders.TIME, Instant.now().toString());
    header(r, CloudEventHeaders.MERCHANT_ID, p.merchant());
    header(r, CloudEventHeaders.LIVEMODE, Boolean.toString(p.live()));
    header(r, CloudEventHeaders.CONTENT_TYPE, "application/json");
    try {
      // In order per key: wait for each send (one thread's payments, one at a time).
      producer.send(r).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void header(ProducerRecord<String, String> r, String name, String value) {
    r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String newEventId() {
    return "evt_" + UUID.randomUUID().toString().replace("-", "");
  }
}
