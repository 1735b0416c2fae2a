package dev.payplatform.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The platform under test, started the way a newcomer starts it: {@code deploy/local/platform up}
 * (with this build's jars, so no second build), then used only through the edge.
 */
final class Platform {
  static final Path ROOT =
      Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
  static final Path STATE = ROOT.resolve(".platform");

  /** What `up` printed and wrote to .platform/demo.env. */
  record Env(
      String url,
      String skTest,
      String skLive,
      String adminToken,
      String merchantId,
      String consoleUrl,
      String consoleEmail,
      String consolePassword) {}

  /** A merchant created through the operator API for one scenario. */
  record Merchant(String id, String skTest, String skLive) {}

  private static Env env;
  private static long upMillis;

  private Platform() {}

  static synchronized Env env() {
    if (env == null) {
      long t0 = System.nanoTime();
      Path log = STATE.resolve("logs/e2e-platform-up.log");
      try {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb =
            new ProcessBuilder("bash", ROOT.resolve("deploy/local/platform").toString(), "up")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("PLATFORM_SKIP_BUILD", "1");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
          throw new IllegalStateException(
              "deploy/local/platform up failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(STATE.resolve("demo.env"))) {
          int eq = line.indexOf('=');
          if (eq > 0) {
            values.put(line.substring(0, eq), line.substring(eq + 1));
          }
        }
        env =
            new Env(
                values.get("PLATFORM_URL"),
                values.get("SK_TEST"),
                values.get("SK_LIVE"),
                values.get("ADMIN_TOKEN"),
                values.get("MERCHANT_ID"),
                values.get("CONSOLE_URL"),
                values.get("CONSOLE_EMAIL"),
                values.get("CONSOLE_PASSWORD"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      upMillis = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("platform up (reusing this build's jars) took %d ms%n", upMillis);
    }
    return env;
  }

  static String url(String path) {
    return env().url() + path;
  }

  static Merchant newMerchant(String name) {
    JsonPath created =
        given()
            .header("Authorization", "Bearer " + env().adminToken())
            .contentType("application/json")
            .body(
                Map.of(
                    "name",
                    name + " " + UUID.randomUUID().toString().substring(0, 6),
                    "rate_limit_test",
                    1000,
                    "rate_limit_live",
                    1000))
            .post(url("/admin/merchants"))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Merchant(
        created.getString("id"),
        created.getString("secret_key_test"),
        created.getString("secret_key_live"));
  }

  /** A merchant whose live charges go to the acquirer host through its own gateway account. */
  record LiveMerchant(Merchant merchant, String gatewayAccountId, String cardAcceptorId) {
    String skLive() {
      return merchant.skLive();
    }

    String id() {
      return merchant.id();
    }
  }

  /**
   * A new merchant with an ISO 8583 gateway account of its own (its own card acceptor id, so the
   * acquirer host's record of it can be told apart), made through checkout's operator API and
   * attached through the edge's (docs/connectors.md).
   */
  static LiveMerchant newLiveMerchant(String name) {
    String acceptor = ("E2E" + UUID.randomUUID().toString().replace("-", "")).substring(0, 15);
    String account =
        given()
            .header("Authorization", "Bearer " + env().adminToken())
            .contentType("application/json")
            .body(
                Map.of(
                    "kind", "iso8583",
                    "host", "127.0.0.1",
                    "port", AcquirerControl.ISO_PORT,
                    "terminal_id", "E2E00001",
                    "card_acceptor_id", acceptor,
                    "merchant_category_code", "5999",
                    "acquiring_institution_id", "4711",
                    "card_acceptor_name", name,
                    "settlement_currency", "USD"))
            .post("http://127.0.0.1:8081/admin/gateway_accounts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return newLiveMerchant(name, account, acceptor);
  }

  /**
   * A new merchant attached to an existing gateway account (a payment facilitator's merchants share
   * one acceptor at the acquirer).
   */
  static LiveMerchant newLiveMerchant(String name, String account, String acceptor) {
    Merchant m = newMerchant(name);
    given()
        .header("Authorization", "Bearer " + env().adminToken())
        .contentType("application/json")
        .body(Map.of("gateway_account_id", account))
        .patch(url("/admin/merchants/" + m.id()))
        .then()
        .statusCode(200);
    return new LiveMerchant(m, account, acceptor);
  }

  /** The base URLs of the services behind the edge (to prove they cannot be reached around it). */
  static List<String> serviceUrls() {
    return List.of(
        "http://127.0.0.1:8081",
        "http://127.0.0.1:8082",
        "http://127.0.0.1:8083",
        "http://127.0.0.1:8084",
        "http://127.0.0.1:8085");
  }
}
