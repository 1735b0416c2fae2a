package dev.payplatform.commons.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every service answers the same way: health (database and Kafka in readiness), Prometheus
 * metrics including the outbox gauges, OpenAPI, the documented 404 shape for unknown paths, and a
 * request id on every response. Each service's test extends this with {@code @QuarkusTest}.
 */
public abstract class ServiceContract {

  @Test
  void livenessAndReadinessAreUpWithDatabaseAndKafkaChecked() {
    given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body("checks.name", hasItem(containsString("PostgreSQL")))
        .body("checks.name", hasItem(containsString("Kafka")));
  }

  @Test
  void prometheusMetricsIncludeTheOutboxGauges() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"))
        .body(containsString("outbox_pending"))
        .body(containsString("outbox_relay_leader"));
  }

  @Test
  void openApiIsPublished() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("openapi", startsWith("3."));
  }

  @Test
  void unknownPathsAnswerTheDocumentedNotFoundShape() {
    given()
        .get("/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("code", is(404))
        .body("type", is("danger"));
  }

  @Test
  void everyResponseCarriesARequestId() {
    given()
        .header("X-Request-Id", "contract-1")
        .get("/q/health/live")
        .then()
        .header("X-Request-Id", "contract-1");
  }
}
