package dev.payplatform.commons.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL and Kafka in containers, one of each per test JVM, on the host's network bound to
 * 127.0.0.1 at free ports: test traffic stays on loopback and no port mapping is needed. The images
 * are configuration ({@code PLATFORM_TEST_POSTGRES_IMAGE}, {@code PLATFORM_TEST_KAFKA_IMAGE}, or
 * the system properties of the same name in lower case with dots), defaulting to the public {@code
 * postgres:15} and {@code apache/kafka}; {@code deploy/local/images build} makes stand-ins with the
 * same contracts from Debian's packages for machines without a registry.
 */
final class TestContainers {
  static final String LABEL = "dev.payplatform.test";
  private static final String SUPERUSER_PASSWORD = "postgres";
  private static TestContainers shared;

  private final GenericContainer<?> postgres;
  private final GenericContainer<?> kafka;
  private final int postgresPort;
  private final int kafkaPort;

  private TestContainers() {
    postgresPort = freePort();
    kafkaPort = freePort();
    int controllerPort = freePort();
    postgres =
        new GenericContainer<>(image("postgres", "postgres:15"))
            .withNetworkMode("host")
            .withLabel(LABEL, "postgres")
            .withEnv("POSTGRES_PASSWORD", SUPERUSER_PASSWORD)
            .withCommand(
                "postgres",
                "-p",
                Integer.toString(postgresPort),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "max_connections=300",
                "-c",
                "fsync=off")
            // The set-up server, then the real one.
            .waitingFor(
                Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
                    .withStartupTimeout(Duration.ofMinutes(2)));
    kafka =
        new GenericContainer<>(image("kafka", "apache/kafka:4.3.1"))
            .withNetworkMode("host")
            .withLabel(LABEL, "kafka")
            .withEnv("KAFKA_NODE_ID", "1")
            .withEnv("KAFKA_PROCESS_ROLES", "broker,controller")
            .withEnv(
                "KAFKA_LISTENERS",
                "PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controllerPort)
            .withEnv("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://127.0.0.1:" + kafkaPort)
            .withEnv("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
            .withEnv("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT")
            .withEnv(
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT")
            .withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@127.0.0.1:" + controllerPort)
            .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
            .withEnv("KAFKA_NUM_PARTITIONS", "3")
            .withEnv("KAFKA_HEAP_OPTS", "-Xms128m -Xmx512m")
            .waitingFor(
                Wait.forLogMessage(".*Kafka Server started.*", 1)
                    .withStartupTimeout(Duration.ofMinutes(2)));
  }

  static synchronized TestContainers shared() {
    if (shared == null) {
      TestContainers started = new TestContainers();
      started.postgres.start();
      started.kafka.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-containers-stop"));
      shared = started;
    }
    return shared;
  }

  String postgresAddress() {
    return "127.0.0.1:" + postgresPort;
  }

  String kafkaBootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  /** The module's role (password = its name, as the local platform makes it) and database. */
  void ensureDatabase(String database, String role) {
    String url = "jdbc:postgresql://" + postgresAddress() + "/postgres";
    try (Connection c = DriverManager.getConnection(url, "postgres", SUPERUSER_PASSWORD);
        Statement st = c.createStatement()) {
      if (!exists(st, "select 1 from pg_roles where rolname = '" + role + "'")) {
        st.execute("create role \"" + role + "\" login password '" + role + "'");
      }
      if (!exists(st, "select 1 from pg_database where datname = '" + database + "'")) {
        st.execute("create database \"" + database + "\" owner \"" + role + "\"");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create " + database + " in the container", e);
    }
  }

  private static boolean exists(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      return rs.next();
    }
  }

  private void stop() {
    kafka.stop();
    postgres.stop();
  }

  private static DockerImageName image(String what, String publicDefault) {
    String property = "platform.test." + what + ".image";
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv("PLATFORM_TEST_" + what.toUpperCase(java.util.Locale.ROOT) + "_IMAGE");
    }
    String name = value == null || value.isBlank() ? publicDefault : value.trim();
    // A local stand-in keeps the public image's contract.
    return DockerImageName.parse(name).asCompatibleSubstituteFor(publicDefault.split(":")[0]);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
