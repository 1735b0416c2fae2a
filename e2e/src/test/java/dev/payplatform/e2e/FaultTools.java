package dev.payplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fault suites do to the platform, with the operator's own commands: read a service's
 * database, kill a process, run {@code deploy/local/platform up}, wait until every service is
 * ready.
 */
final class FaultTools {
  static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

  static {
    SERVICES.put("checkout-service", 8081);
    SERVICES.put("payments-service", 8082);
    SERVICES.put("catalog-service", 8083);
    SERVICES.put("billing-service", 8084);
    SERVICES.put("events-service", 8085);
    SERVICES.put("gateway-adapter", 8080);
  }

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private FaultTools() {}

  /** checkout's settings for a short processing deadline and a fast reconciliation sweep. */
  static Map<String, String> processingDeadline(Duration deadline) {
    return Map.of(
        "CHECKOUT_INTENT_PROCESSING_DEADLINE",
        deadline.toSeconds() + "s",
        "CHECKOUT_INTENT_PROCESSING_SWEEP_INTERVAL",
        "2s");
  }

  /**
   * Restarts checkout with {@code settings} and its fault point armed: it halts (as {@code kill -9}
   * would) right after its next processor call, before recording the answer.
   */
  static void restartCheckoutHaltingAfterTheProcessorCall(Map<String, String> settings) {
    Map<String, String> armed = new LinkedHashMap<>(settings);
    armed.put("CHECKOUT_FAULTS_HALT_AFTER_PROCESSOR_CALL", "true");
    kill9(pid("checkout-service"));
    platformUp(armed);
  }

  /** {@code sql} on the primary of {@code db}, at the address the services use. */
  static String psql(String db, String sql) {
    ProcessBuilder pb =
        new ProcessBuilder(
                "psql", "-h", "127.0.0.1", "-p", databasePort(), "-U", db, "-d", db, "-tAc", sql)
            .redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", db);
    return run(pb, 30);
  }

  /**
   * The services' database address: the primary on 5432, or HAProxy on 5434 in front of the primary
   * and its standby ({@code up --pg-standby}), wherever the primary is after a failover.
   */
  static String databasePort() {
    try {
      Path standby = Platform.STATE.resolve("run/pg-standby");
      return Files.exists(standby) && Files.readString(standby).strip().equals("1")
          ? "5434"
          : "5432";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The local cluster that is the primary now ({@code main}, or {@code standby} after a failover).
   */
  static String primaryCluster() {
    try {
      Path primary = Platform.STATE.resolve("postgres-primary");
      return Files.exists(primary) ? Files.readString(primary).strip() : "main";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The sum of a service's Prometheus samples of {@code name} whose label set ({@code {...}}, or
   * empty) {@code labels} accepts; 0 when absent or the service does not answer.
   */
  static double metric(int port, String name, Predicate<String> labels) {
    String text;
    try {
      text =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
    double total = 0;
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
            .matcher(text);
    while (m.find()) {
      if (labels.test(m.group(1) == null ? "" : m.group(1))) {
        total += Double.parseDouble(m.group(2));
      }
    }
    return total;
  }

  static void awaitEveryServiceReady(Duration within) {
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(notReady()).as("services not ready").isEmpty());
  }

  static List<String> notReady() {
    List<String> down = new ArrayList<>();
    for (Map.Entry<String, Integer> s : SERVICES.entrySet()) {
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + s.getValue() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          down.add(s.getKey() + " " + r.statusCode() + " " + r.body());
        }
      } catch (IOException e) {
        down.add(s.getKey() + " " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return down;
  }

  // ---------------------------------------------------------------- the operator's commands

  /** The project's own command: starts whatever is not running and waits until it is ready. */
  static void platformUp() {
    platformUp(Map.of());
  }

  /**
   * The same, with settings for the services it starts (as environment variables) and options of
   * {@code up} ({@code --replicas 2}).
   */
  static void platformUp(Map<String, String> settings, String... options) {
    List<String> command =
        new ArrayList<>(
            List.of("bash", Platform.ROOT.resolve("deploy/local/platform").toString(), "up"));
    command.addAll(List.of(options));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(Platform.ROOT.toFile()).redirectErrorStream(true);
    pb.environment().put("PLATFORM_SKIP_BUILD", "1");
    pb.environment().putAll(settings);
    String out = run(pb, 300);
    assertThat(out).as("deploy/local/platform up").contains("The platform is up");
  }

  static void startPostgres() {
    String clusters = shell(10, "pg_lsclusters", "-h");
    if (clusters.contains("online")) {
      return;
    }
    shell(60, "pg_ctlcluster", "--skip-systemctl-redirect", pgVersion(), "main", "start");
  }

  static String pgVersion() {
    return shell(10, "bash", "-c", "pg_lsclusters -h | awk '$2==\"main\"{print $1; exit}'").strip();
  }

  static String pid(String component) {
    try {
      return Files.readString(Platform.STATE.resolve("run/" + component + ".pid")).strip();
    } catch (IOException e) {
      throw new IllegalStateException("no pid file for " + component, e);
    }
  }

  /**
   * Running, i.e. neither gone nor a zombie waiting for its parent to reap it. A zombie leader
   * whose other threads still run (a JVM part-way through halting shows this) is still running: the
   * same rule as {@code pid_alive} in {@code deploy/local/platform}.
   */
  static boolean alive(String pid) {
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      if (!stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
        return true;
      }
      try (var threads = Files.list(Path.of("/proc", pid, "task"))) {
        return threads.count() > 1;
      }
    } catch (IOException | RuntimeException e) {
      return false; // gone, or reaped while being read
    }
  }

  static boolean listening(int port) {
    try (var socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void kill9(String pid) {
    shell(10, "kill", "-9", pid);
  }

  static String shell(int timeoutSeconds, String... command) {
    return run(new ProcessBuilder(command).redirectErrorStream(true), timeoutSeconds);
  }

  static String run(ProcessBuilder pb, int timeoutSeconds) {
    try {
      // To a file, not a pipe: a server the command starts (PostgreSQL, Kafka, a service) inherits
      // its output and would hold a pipe open for as long as it runs.
      Path out = Files.createTempFile("fault-suite-", ".out");
      Process p = pb.redirectOutput(out.toFile()).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", pb.command()) + " timed out");
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", pb.command()) + " exited " + p.exitValue() + ": " + text);
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
