package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two edge replicas, as Kubernetes runs them: a merchant renamed through one is what the other
 * tells the services within its key cache's lifetime (30 s), not when a token it cached under the
 * key id alone expires (up to 4 minutes). The second replica is the same jar on another port, with
 * the configuration {@code deploy/local/platform up} gives the first.
 */
class TwoEdgeReplicasIT {
  private static final int SECOND_PORT = 18180;

  @Test
  void aMerchantRenamedThroughOneReplicaReachesTheServicesThroughTheOther() throws Exception {
    Platform.Merchant m = Platform.newMerchant("Before Rename");
    Process second = startSecondEdge();
    try {
      String viaSecond = "http://127.0.0.1:" + SECOND_PORT;
      assertThat(merchantNameSeenThrough(viaSecond, m)).startsWith("Before Rename");

      given()
          .header("Authorization", "Bearer " + Platform.env().adminToken())
          .contentType("application/json")
          .body(Map.of("name", "After Rename"))
          .patch(url("/admin/merchants/" + m.id()))
          .then()
          .statusCode(200);

      long renamed = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(45))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> "After Rename".equals(merchantNameSeenThrough(viaSecond, m)));
      System.out.printf(
          "the other replica minted the new name %.1f s after the rename%n",
          (System.nanoTime() - renamed) / 1e9);
    } finally {
      second.destroy();
      if (!second.waitFor(20, TimeUnit.SECONDS)) {
        second.destroyForcibly();
      }
    }
  }

  /** The merchant name checkout recorded for a session created through {@code edge}. */
  private static String merchantNameSeenThrough(String edge, Platform.Merchant m) {
    String session =
        given()
            .header("X-Api-Key", m.skTest())
            .contentType("application/json")
            .body(
                Map.of(
                    "amount", "5.00",
                    "currency", "USD",
                    "return_url", "https://shop.example.com/thanks"))
            .post(edge + "/v1/payments/session")
            .then()
            .statusCode(201)
            .extract()
            .path("session_id");
    return given()
        .get(edge + "/v1/payments/session/" + session)
        .then()
        .statusCode(200)
        .extract()
        .path("merchant_name");
  }

  private static Process startSecondEdge() throws IOException, InterruptedException {
    Path keys = Platform.STATE.resolve("keys");
    Path jar = Platform.ROOT.resolve("gateway-adapter/target/quarkus-app/quarkus-run.jar");
    String admin = Files.readString(keys.resolve("admin-token")).strip();
    ProcessBuilder pb =
        new ProcessBuilder(
                "java", "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
            .directory(Platform.ROOT.resolve("gateway-adapter").toFile())
            .redirectErrorStream(true)
            .redirectOutput(File.createTempFile("second-edge-", ".log"));
    Map<String, String> env = pb.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(SECOND_PORT));
    env.put("QUARKUS_DATASOURCE_USERNAME", "edge");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "edge");
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("internal-jwt-public.pem").toString());
    env.put("EDGE_ADMIN_TOKEN", admin);
    env.put("PLATFORM_ADMIN_TOKEN", admin);
    env.put("EDGE_JWT_SIGNING_KEY", keys.resolve("internal-jwt-private.pem").toString());
    env.put("EDGE_RATE_LIMIT_ANONYMOUS_REQUESTS", "1000000");
    Process p = pb.start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the second edge replica exited: " + p.exitValue());
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + SECOND_PORT + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return p;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    p.destroyForcibly();
    throw new IllegalStateException("the second edge replica was not ready within 90 s");
  }
}
