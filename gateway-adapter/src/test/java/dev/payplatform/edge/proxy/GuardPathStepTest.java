package dev.payplatform.edge.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GuardPathStepTest {
  private static StepHarness step;

  @BeforeAll
  static void start() {
    var config = StepHarness.config(Map.of("edge.max-body-size", "64"));
    step = StepHarness.first(new GuardPath(new BodyLimit(config)));
  }

  @AfterAll
  static void stop() {
    step.close();
  }

  @Test
  void theProxiedPathsEnterThePipelineAndOthersGoOnToTheirOwnRoutes() {
    step.request().get("/v1/payments").then().statusCode(200).body("proxied", equalTo(true));
    step.request().get("/checkout/cs_1").then().statusCode(200).body("proxied", equalTo(true));
    step.request().get("/link/plink_1").then().statusCode(200).body("proxied", equalTo(true));
    step.request().get("/console/api/session").then().body("proxied", equalTo(false));
    step.request().get("/q/health").then().body("proxied", equalTo(false));
  }

  @Test
  void aSpellingAServiceCouldReadDifferentlyIsRefused() throws IOException {
    // Over a raw socket: HTTP clients resolve dot segments before sending.
    for (String path :
        new String[] {"/checkout/%2e%2e/q/metrics", "/v1//payments", "/v1/payments;x=1"}) {
      assertThat(raw(path)).as(path).startsWith("HTTP/1.1 400").contains("Invalid path");
    }
    assertThat(raw("/v1/payments")).startsWith("HTTP/1.1 200");
  }

  private static String raw(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", step.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aBodyDeclaredPastTheLimitIs413AndTheConnectionCloses() {
    step.request()
        .contentType("application/json")
        .body("{\"x\":\"" + "a".repeat(100) + "\"}")
        .post("/v1/payments")
        .then()
        .statusCode(413)
        .header("Connection", equalTo("close"))
        .body("content", containsString("64 bytes"));
    step.request()
        .contentType("application/json")
        .body("{}")
        .post("/v1/payments")
        .then()
        .statusCode(200);
  }
}
