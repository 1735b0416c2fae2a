package dev.payplatform.commons.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * The one test resource every module's tests use for PostgreSQL and Kafka (registered once per
 * module, {@code @WithTestResource(scope = GLOBAL)} with the module's test database and role). On
 * the local servers it changes nothing: the modules' {@code %test} URLs point at them. On
 * containers it starts them once per JVM ({@link TestContainers}), creates the module's role and
 * database there, and points the module at them.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {
  private String database;
  private String role;

  @Override
  public void init(Map<String, String> args) {
    database = args.get("database");
    role = args.get("role");
    if (database == null || role == null) {
      throw new IllegalArgumentException("PlatformTestResource needs the database and role args");
    }
  }

  @Override
  public Map<String, String> start() {
    if (!useContainers()) {
      return Map.of();
    }
    TestContainers containers = TestContainers.shared();
    containers.ensureDatabase(database, role);
    System.setProperty(TestInfrastructure.POSTGRES_ADDRESS, containers.postgresAddress());
    System.setProperty(TestInfrastructure.KAFKA_BOOTSTRAP, containers.kafkaBootstrap());
    return Map.of(
        "quarkus.datasource.reactive.url",
        "postgresql://" + containers.postgresAddress() + "/" + database,
        "quarkus.datasource.jdbc.url",
        "jdbc:postgresql://" + containers.postgresAddress() + "/" + database,
        "kafka.bootstrap.servers",
        containers.kafkaBootstrap());
  }

  private static boolean useContainers() {
    return switch (TestInfrastructure.requested()) {
      case LOCAL -> false;
      case CONTAINERS -> true;
      case AUTO -> {
        if (TestInfrastructure.localServersAnswer()) {
          yield false;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
          yield true;
        }
        throw new IllegalStateException(
            "No PostgreSQL and Kafka for the tests: neither the local servers answer ("
                + TestInfrastructure.LOCAL_POSTGRES
                + ", "
                + TestInfrastructure.LOCAL_KAFKA
                + "; deploy/local/platform up starts them) nor a Docker daemon (docs/containers.md)");
      }
    };
  }

  @Override
  public void stop() {
    // The containers serve every test class of the JVM; TestContainers stops them at its end.
  }
}
