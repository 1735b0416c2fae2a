package dev.payplatform.checkout;

import static io.restassured.RestAssured.given;

import dev.payplatform.acquirer.AcquirerHost;
import dev.payplatform.acquirer.HostTransaction;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The acquirer host, run in the tests' JVM on a free port, and the gateway accounts pointing to it,
 * made through checkout's operator API.
 */
final class Acquirer {
  static final String ADMIN_TOKEN = "test-checkout-admin-token-0123456789";
  private static AcquirerHost host;

  private Acquirer() {}

  static synchronized AcquirerHost host() {
    if (host == null) {
      try {
        Path data = Files.createTempDirectory("acquirer-host");
        host = new AcquirerHost(freePort(), data, Clock.systemUTC());
        host.start();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return host;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static Map<String, Object> accountBody(int port) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "iso8583");
    body.put("host", "127.0.0.1");
    body.put("port", port);
    body.put("terminal_id", "TERM0001");
    body.put("card_acceptor_id", "SHOP00000000001");
    body.put("merchant_category_code", "5999");
    body.put("acquiring_institution_id", "4711");
    body.put("card_acceptor_name", "Demo Store");
    body.put("settlement_currency", "USD");
    return body;
  }

  /** A new enabled ISO 8583 account pointing to the host (or to {@code port}); its id. */
  static String account(int port) {
    return admin()
        .body(accountBody(port))
        .post("/admin/gateway_accounts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String account() {
    return account(host().port());
  }

  static io.restassured.specification.RequestSpecification admin() {
    return given().auth().oauth2(ADMIN_TOKEN).contentType("application/json");
  }

  /** A live payment session of a new merchant whose gateway account is {@code accountId}. */
  static String liveSession(String accountId, String amount) {
    String merchant = Api.newMerchant();
    return given()
        .auth()
        .oauth2(
            dev.payplatform.commons.testing.TestTokens.merchant(
                merchant, "live", "Live Shop", accountId))
        .contentType("application/json")
        .body(Api.sessionBody(amount, "USD"))
        .post("/v1/payments/session")
        .then()
        .statusCode(201)
        .extract()
        .path("session_id");
  }

  static Optional<HostTransaction> transaction(String rrn) {
    return host().record().byRrn(rrn);
  }
}
