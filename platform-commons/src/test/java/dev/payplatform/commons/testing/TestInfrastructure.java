package dev.payplatform.commons.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;

/**
 * Where the tests' PostgreSQL and Kafka are: the local servers {@code deploy/local/platform} runs
 * (127.0.0.1:5432 and :9092), or containers this JVM started ({@link PlatformTestResource}). Test
 * helpers ({@link TestDb}, {@link TopicReader}) ask here rather than assume the local ones.
 *
 * <p>The choice is {@code platform.test.infrastructure} (system property) or {@code
 * PLATFORM_TEST_INFRASTRUCTURE}: {@code local}, {@code containers}, or {@code auto} (the default):
 * the local servers when both answer, else containers when a Docker daemon answers.
 */
public final class TestInfrastructure {
  static final String POSTGRES_ADDRESS = "platform.test.postgres.address";
  static final String KAFKA_BOOTSTRAP = "platform.test.kafka.bootstrap";
  static final String LOCAL_POSTGRES = "127.0.0.1:5432";
  static final String LOCAL_KAFKA = "127.0.0.1:9092";

  /** How a test run gets its servers. */
  public enum Mode {
    LOCAL,
    CONTAINERS,
    AUTO
  }

  private TestInfrastructure() {}

  /** host:port of the PostgreSQL server the tests use. */
  public static String postgresAddress() {
    return System.getProperty(POSTGRES_ADDRESS, LOCAL_POSTGRES);
  }

  /** Kafka's bootstrap servers for the tests. */
  public static String kafkaBootstrap() {
    return System.getProperty(KAFKA_BOOTSTRAP, LOCAL_KAFKA);
  }

  static Mode requested() {
    String value = System.getProperty("platform.test.infrastructure");
    if (value == null || value.isBlank()) {
      value = System.getenv("PLATFORM_TEST_INFRASTRUCTURE");
    }
    if (value == null || value.isBlank()) {
      return Mode.AUTO;
    }
    return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
  }

  static boolean localServersAnswer() {
    return answers(LOCAL_POSTGRES) && answers(LOCAL_KAFKA);
  }

  static boolean answers(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try (Socket s = new Socket()) {
      s.connect(
          new InetSocketAddress(
              hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
          500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
