package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The services log JSON lines that carry the request id, merchant id and mode: an operator follows
 * one request, or one merchant, across the logs.
 */
class JsonLogsIT {
  private static final String SERVICE = "checkout-service";

  /** The last JSON line of checkout's log, since byte {@code from}, that carries the request id. */
  private static Optional<JsonNode> lastLineWith(long from, String requestId) throws Exception {
    List<JsonNode> lines = ServiceLogs.linesSince(SERVICE, from, requestId);
    return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
  }

  @Test
  void aRequestsLogLineIsJsonWithItsRequestIdMerchantAndMode() {
    Platform.Merchant m = Platform.newMerchant("Json Logs");
    // Groups of at most 12 hex digits: never the 13-digit run a request id may not carry.
    String requestId = "e2e-json-" + UUID.randomUUID().toString().replace("-", "-x");
    long from = ServiceLogs.sizes(List.of(SERVICE)).get(SERVICE);
    given()
        .header("X-Api-Key", m.skTest())
        .header("X-Request-Id", requestId)
        .contentType("application/json")
        .body(
            Map.of(
                "amount", "12.00",
                "currency", "USD",
                "description", "JSON logs",
                "items", List.of("Log line"),
                "return_url", "https://example.com/done"))
        .post(url("/v1/payments/session"))
        .then()
        .statusCode(201);
    JsonNode line =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> lastLineWith(from, requestId), Optional::isPresent)
            .orElseThrow();
    assertThat(line.path("message").asText()).contains("POST /v1/payments/session -> 201");
    assertThat(line.path("mdc").path("requestId").asText()).isEqualTo(requestId);
    assertThat(line.path("mdc").path("merchantId").asText()).isEqualTo(m.id());
    assertThat(line.path("mdc").path("mode").asText()).isEqualTo("test");
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.has("timestamp")).isTrue();
  }
}
