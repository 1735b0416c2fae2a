package dev.payplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/** Each service's own port, called without the edge's internal JWT, refuses merchant routes. */
class EdgeCannotBeBypassedIT {

  @Test
  void everyServiceAnswers401WithoutTheInternalJwt() {
    Platform.env();
    String[][] calls = {
      {"http://127.0.0.1:8081", "POST", "/v1/payments/session"},
      {"http://127.0.0.1:8082", "GET", "/v1/payments/"},
      {"http://127.0.0.1:8082", "GET", "/v1/payments/internal"},
      {"http://127.0.0.1:8083", "GET", "/v1/customers"},
      {"http://127.0.0.1:8083", "POST", "/v1/products"},
      {"http://127.0.0.1:8084", "GET", "/v1/subscriptions"},
      {"http://127.0.0.1:8084", "GET", "/v1/refunds"},
      {"http://127.0.0.1:8084", "POST", "/v1/payment-links"},
      {"http://127.0.0.1:8085", "GET", "/v1/events"},
      {"http://127.0.0.1:8085", "POST", "/v1/webhook_endpoints"},
    };
    for (String[] c : calls) {
      given()
          .contentType("application/json")
          .body("{}")
          .request(c[1], c[0] + c[2])
          .then()
          .statusCode(401)
          .body("detail", is("Not authenticated."));
      // A merchant's secret key is not a credential the services accept either.
      given()
          .header("X-Api-Key", Platform.env().skTest())
          .contentType("application/json")
          .body("{}")
          .request(c[1], c[0] + c[2])
          .then()
          .statusCode(401);
      given()
          .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
          .contentType("application/json")
          .body("{}")
          .request(c[1], c[0] + c[2])
          .then()
          .statusCode(401);
    }
  }

  /**
   * A public prefix with a dot segment, however spelled, used to reach a service's internal
   * endpoints ({@code /checkout/%2e%2e/q/metrics} answered checkout's metrics).
   */
  @Test
  void dotSegmentsUnderAPublicPrefixNeverReachAServicesInternalEndpoints() throws Exception {
    java.net.URI edge = java.net.URI.create(Platform.url("/"));
    for (String path :
        java.util.List.of(
            "/checkout/%2e%2e/q/metrics",
            "/checkout/../q/health",
            "/link/%2e%2e/q/openapi",
            "/link/..%2fadmin%2fdead-letters",
            "/v1/payments/intent/%2E%2E/%2E%2E/q/metrics")) {
      try (java.net.Socket socket = new java.net.Socket(edge.getHost(), edge.getPort())) {
        socket.setSoTimeout(10_000);
        socket
            .getOutputStream()
            .write(
                ("GET "
                        + path
                        + " HTTP/1.1\r\nHost: "
                        + edge.getHost()
                        + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String answer =
            new String(
                socket.getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        org.assertj.core.api.Assertions.assertThat(answer)
            .as(path)
            .startsWith("HTTP/1.1 400")
            .contains("\"code\":400")
            .doesNotContain("jvm_")
            .doesNotContain("openapi");
      }
    }
  }
}
