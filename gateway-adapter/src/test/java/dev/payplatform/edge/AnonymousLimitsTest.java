package dev.payplatform.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Routes without a key are limited too: per client address on every public route, and per payment
 * link on its page (every visit starts a payment). X-Forwarded-For names the client only when a
 * trusted proxy sent it. Small limits here, so the test reaches them.
 */
@QuarkusTest
@TestProfile(AnonymousLimitsTest.SmallLimits.class)
@QuarkusTestResource(EchoUpstreams.class)
class AnonymousLimitsTest {

  public static class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "edge.rate-limit.anonymous.requests", "8",
          "edge.rate-limit.anonymous.period", "60s",
          "edge.rate-limit.link-visits.requests", "3",
          "edge.rate-limit.link-visits.period", "60s",
          "edge.trusted-proxies", "127.0.0.1");
    }
  }

  @Test
  void oneClientAddressGets429WithRetryAfterOnceItsLimitIsSpentAndOthersGoOn() {
    String client = "203.0.113." + (10 + (int) (Math.random() * 200));
    for (int i = 0; i < 8; i++) {
      intent(client).then().statusCode(200);
    }
    Response limited = intent(client);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.jsonPath().getInt("code")).isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    intent("198.51.100.7").then().statusCode(200);
  }

  @Test
  void aPaymentLinksPageIsLimitedPerLinkWhoeverVisitsIt() {
    String link = "plink_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    for (int i = 0; i < 3; i++) {
      visit(link, "192.0.2." + (i + 1)).then().statusCode(200);
    }
    visit(link, "192.0.2.99")
        .then()
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    String other = "plink_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    visit(other, "192.0.2.100").then().statusCode(200);
  }

  private static Response intent(String client) {
    return given()
        .header("X-Forwarded-For", client)
        .contentType("application/json")
        .body("{}")
        .post("/v1/payments/intent");
  }

  private static Response visit(String link, String client) {
    return given().header("X-Forwarded-For", client).redirects().follow(false).get("/link/" + link);
  }
}
