package dev.payplatform.payments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code platform_payments{status,mode}} counts the table's payments per status and mode. */
@QuarkusTest
class PaymentsByStatusMetricTest {
  private static final Pattern LIVE_PENDING =
      Pattern.compile("platform_payments\\{mode=\"live\",status=\"pending\"} ([0-9.E]+)");

  private static double livePending() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m = LIVE_PENDING.matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  void aNewLivePaymentIsCountedAsPendingInLiveMode() {
    await().atMost(Duration.ofSeconds(30)).until(() -> livePending() >= 0);
    double before = livePending();
    String merchant = Api.newMerchant();
    Api.createPayment(merchant, "live", "10.00", "USD");
    await().atMost(Duration.ofSeconds(30)).until(() -> livePending() >= before + 1);
    String metrics = given().get("/q/metrics").then().extract().asString();
    assertThat(metrics)
        .contains("platform_payments{mode=\"test\",status=\"completed\"}")
        .contains("platform_payments{mode=\"live\",status=\"refunded\"}");
  }
}
