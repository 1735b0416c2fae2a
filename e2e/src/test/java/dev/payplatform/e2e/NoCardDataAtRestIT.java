package dev.payplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * After every scenario ran: no test card number and no security code is in any service database
 * ({@code pg_dump}), the card vault's included, any service log, or any event topic ({@link
 * CardDataSearch} says what a hit is; the databases may hold any number of earlier runs' rows). The
 * vault's sealed numbers hold no card number in their bytes either, and no key that opens them is
 * in any database: they cannot be opened with the databases alone.
 */
@Order(Integer.MAX_VALUE)
class NoCardDataAtRestIT {
  private static final List<String> DATABASES =
      List.of("edge", "checkout", "payments", "catalog", "billing", "events", "vault");

  private static List<String> findings(String where, String text) {
    return CardDataSearch.findings(where, text);
  }

  @Test
  void noDatabaseHoldsACardNumberOrSecurityCode() throws Exception {
    Platform.env();
    List<String> found = new ArrayList<>();
    for (String db : DATABASES) {
      ProcessBuilder pb =
          new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", db, "--data-only", db);
      pb.environment().put("PGPASSWORD", db);
      // The dump is searched as it streams: a used machine's databases are gigabytes.
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      CardDataSearch.Scan scan;
      try (var out = new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)) {
        scan = CardDataSearch.scan("database " + db, out);
      }
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as("pg_dump %s failed", db).isZero();
      assertThat(scan.tables()).as("the %s dump has tables", db).isPositive();
      found.addAll(scan.findings());
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theVaultsRowsHoldNoCardNumberAndNoDatabaseHoldsAKeyThatOpensThem() throws Exception {
    Platform.env();
    List<String> rows =
        psql(
            "vault",
            "select token || ' ' || key_id || ' ' || encode(wrapped_key, 'hex') || ' '"
                + " || encode(sealed_number, 'hex') from vault_card");
    assertThat(rows).as("cards in the vault (VaultIT saved some)").isNotEmpty();
    List<String> found = new ArrayList<>();
    for (String row : rows) {
      String[] cells = row.split(" ");
      for (String column : List.of(cells[2], cells[3])) {
        String bytes =
            new String(java.util.HexFormat.of().parseHex(column), StandardCharsets.ISO_8859_1);
        for (String pan : CardDataSearch.TEST_PANS) {
          if (bytes.contains(pan)) {
            found.add("vault_card " + cells[0] + " holds " + pan.substring(pan.length() - 4));
          }
        }
      }
    }
    assertThat(found).as("plaintext card numbers in the vault's sealed bytes").isEmpty();

    // The keys that unwrap the data keys are in the key ring file only, never in a database.
    List<String> ring =
        Files.readAllLines(Platform.STATE.resolve("keys/vault-keys")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .map(l -> l.split("\\s+")[1].toLowerCase(java.util.Locale.ROOT))
            .toList();
    assertThat(ring).isNotEmpty();
    for (String db : DATABASES) {
      ProcessBuilder pb =
          new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", db, "--data-only", db);
      pb.environment().put("PGPASSWORD", db);
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      // Streamed line by line: a used machine's databases are gigabytes.
      List<String> holding = new ArrayList<>();
      try (var lines =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.ISO_8859_1))) {
        String line;
        while ((line = lines.readLine()) != null) {
          String lower = line.toLowerCase(java.util.Locale.ROOT);
          for (String key : ring) {
            if (lower.contains(key)) {
              holding.add(db);
            }
          }
        }
      }
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(holding).as("a key-encryption key in database %s", db).isEmpty();
    }
  }

  private static List<String> psql(String db, String sql) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", db, "-Atc", sql, db);
    pb.environment().put("PGPASSWORD", db);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    List<String> lines;
    try (var in = p.getInputStream()) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as("psql on %s", db).isZero();
    return lines;
  }

  @Test
  void noServiceLogHoldsACardNumberOrSecurityCode() throws IOException {
    Platform.env();
    List<String> found = new ArrayList<>();
    List<String> services =
        List.of(
            "gateway-adapter",
            "checkout-service",
            "payments-service",
            "catalog-service",
            "billing-service",
            "events-service");
    int read = 0;
    try (Stream<Path> logs = Files.list(Platform.STATE.resolve("logs"))) {
      for (Path log :
          logs.filter(
                  f ->
                      services.stream()
                          .anyMatch(s -> f.getFileName().toString().equals(s + ".log")))
              .toList()) {
        read++;
        found.addAll(
            findings(
                "log " + log.getFileName(),
                new String(Files.readAllBytes(log), StandardCharsets.UTF_8)));
      }
    }
    assertThat(read).as("service logs read").isEqualTo(services.size());
    assertThat(found).isEmpty();
  }

  @Test
  void noEventTopicHoldsACardNumberOrSecurityCode() {
    Platform.env();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "ops-card-audit-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<String> found = new ArrayList<>();
    int read = 0;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(OpsConsumer.TOPICS);
      long joinDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      List<ConsumerRecord<String, String>> first = new ArrayList<>();
      while (consumer.assignment().isEmpty() && System.nanoTime() < joinDeadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(first::add);
      }
      for (ConsumerRecord<String, String> r : first) {
        read++;
        found.addAll(findings(r.topic() + "@" + r.offset(), r.key() + " " + r.value()));
      }
      long quietSince = System.nanoTime();
      while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
        var records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          quietSince = System.nanoTime();
        }
        for (ConsumerRecord<String, String> r : records) {
          read++;
          StringBuilder text =
              new StringBuilder(String.valueOf(r.key())).append(' ').append(r.value());
          for (Header h : r.headers()) {
            text.append(' ').append(new String(h.value(), StandardCharsets.UTF_8));
          }
          found.addAll(findings(r.topic() + "@" + r.offset(), text.toString()));
        }
      }
    }
    assertThat(read).as("events read").isGreaterThan(10);
    assertThat(found).isEmpty();
  }
}
