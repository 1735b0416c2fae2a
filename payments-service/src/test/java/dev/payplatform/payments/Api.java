package dev.payplatform.payments;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payplatform.commons.testing.TestApi;
import dev.payplatform.commons.testing.TestEvents;
import dev.payplatform.commons.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the tests share: tenants, requests as the edge sends them, and events as others emit. */
final class Api {
  static final String CHECKOUT_TOPIC = "test.checkout.events";
  static final String MERCHANTS_TOPIC = "test.merchants.events";
  static final String PAYMENTS_TOPIC = "test.payments.events";
  static final String ADMIN_TOKEN = "test-payments-admin-token-0123456789";
  static final Duration EVENTUALLY = Duration.ofSeconds(30);
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Api() {}

  static String newMerchant() {
    return TestApi.newMerchant();
  }

  /** A request carrying the edge's internal JWT for this merchant and mode ("test"/"live"). */
  static RequestSpecification as(String merchantId, String mode) {
    return given()
        .auth()
        .oauth2(TestTokens.merchant(merchantId, mode, "Store " + merchantId, "acct_test"))
        .contentType("application/json");
  }

  static Map<String, Object> body(String amount, String currency) {
    return Map.of(
        "amount",
        amount,
        "description",
        "Monthly plan",
        "currency",
        currency,
        "items",
        List.of("Monthly Subscription"),
        "return_url",
        "https://yoursite.com/thank-you");
  }

  /** Creates a hosted payment through the API; returns its id. */
  static String createPayment(String merchantId, String mode, String amount, String currency) {
    return as(merchantId, mode)
        .body(body(amount, currency))
        .post("/v1/payments/")
        .then()
        .statusCode(202)
        .extract()
        .path("data.id_payment");
  }

  static JsonPath getPayment(String merchantId, String mode, String id) {
    return as(merchantId, mode)
        .get("/v1/payments/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Waits until the payment shows {@code status} through the API. */
  static JsonPath awaitStatus(String merchantId, String mode, String id, String status) {
    await()
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                as(merchantId, mode).get("/v1/payments/" + id).then().extract().statusCode() == 200
                    && status.equals(getPayment(merchantId, mode, id).getString("status")));
    return getPayment(merchantId, mode, id);
  }

  /** The internal listing entry of one payment. */
  static Map<String, Object> internalEntry(String merchantId, String mode, String id) {
    List<Map<String, Object>> all =
        as(merchantId, mode)
            .get("/v1/payments/internal?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    return all.stream()
        .filter(e -> id.equals(e.get("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " is not in the internal listing"));
  }

  /** The charge fields of a payment_intent.* event (docs/events/README.md). */
  static ObjectNode charge(String paymentId, long amount, String currency) {
    ObjectNode n = JSON.createObjectNode();
    n.put("payment_intent_id", "pi_" + UUID.randomUUID().toString().replace("-", ""));
    n.put("payment_id", paymentId);
    n.put("purpose", "payment");
    n.put("reference", paymentId);
    n.putNull("session_id");
    n.putNull("invoice_id");
    n.putNull("payment_link_id");
    n.putNull("subscription_id");
    n.putNull("customer_id");
    n.put("amount", amount);
    n.put("currency", currency);
    n.put("description", "Monthly plan");
    n.putArray("items").add("Monthly Subscription");
    n.put("return_url", "https://yoursite.com/thank-you");
    n.put("customer_email", "buyer@example.com");
    ObjectNode card = n.putObject("card");
    card.put("brand", "visa");
    card.put("last4", "4242");
    card.put("exp_month", 12);
    card.put("exp_year", 2030);
    card.put("country", "US");
    card.put("fingerprint", "fp_test");
    n.putNull("payment_method_id");
    n.put("off_session", false);
    return n;
  }

  static ObjectNode succeeded(String paymentId, long amount, String currency) {
    ObjectNode n = charge(paymentId, amount, currency);
    n.put("succeeded_at", Instant.now().toString());
    return n;
  }

  static ObjectNode failed(String paymentId, long amount, String currency, String reason) {
    ObjectNode n = charge(paymentId, amount, currency);
    n.put("decline_reason", reason);
    n.put("failure_message", "Card declined.");
    n.put("attempts", 1);
    return n;
  }

  static String publishCheckout(String type, String merchantId, boolean livemode, JsonNode data) {
    String key =
        data.hasNonNull("payment_intent_id")
            ? data.get("payment_intent_id").asText()
            : data.path("refund_id").asText("key");
    return TestEvents.publish(CHECKOUT_TOPIC, type, key, merchantId, livemode, write(data));
  }

  static String publishCheckoutWithId(
      String eventId, String type, String merchantId, boolean livemode, JsonNode data) {
    String key = data.path("payment_intent_id").asText(data.path("refund_id").asText("key"));
    return TestEvents.publishWithId(
        CHECKOUT_TOPIC, eventId, type, key, merchantId, livemode, write(data));
  }

  /** Publishes under an explicit Kafka key: same key, same partition, so order is kept. */
  static String publishKeyed(
      String eventId, String type, String key, String merchantId, boolean livemode, JsonNode data) {
    return TestEvents.publishWithId(
        CHECKOUT_TOPIC,
        eventId == null ? "evt_" + UUID.randomUUID().toString().replace("-", "") : eventId,
        type,
        key,
        merchantId,
        livemode,
        write(data));
  }

  static ObjectNode refund(String paymentId, long amount, String currency) {
    ObjectNode n = JSON.createObjectNode();
    n.put("refund_id", "re_" + UUID.randomUUID().toString().replace("-", ""));
    n.put("payment_id", paymentId);
    n.put("amount", amount);
    n.put("currency", currency);
    return n;
  }

  /** merchant.created as the edge emits it (fee_percent "2.90" = fee_basis_points 290). */
  static String publishMerchant(
      String merchantId,
      String settlement,
      String local,
      int basisPoints,
      long fixed,
      String descriptor) {
    return publishMerchant(
        merchantId, settlement, local, basisPoints, fixed, descriptor, Instant.now());
  }

  /** ... with a chosen updated_at; returns the event's ce_id. */
  static String publishMerchant(
      String merchantId,
      String settlement,
      String local,
      int basisPoints,
      long fixed,
      String descriptor,
      Instant updatedAt) {
    ObjectNode n = JSON.createObjectNode();
    String now = updatedAt.toString();
    n.put("id", merchantId);
    n.put("name", "Store " + merchantId);
    n.put("gateway_account_id", "acct_test");
    n.put("settlement_currency", settlement);
    n.put("local_currency", local);
    n.put("fee_basis_points", basisPoints);
    n.put("fee_percent", String.format("%d.%02d", basisPoints / 100, basisPoints % 100));
    n.put("fee_fixed", fixed);
    n.put("statement_descriptor", descriptor);
    n.put("created_at", now);
    n.put("updated_at", now);
    return TestEvents.publish(
        MERCHANTS_TOPIC, "merchant.updated", merchantId, merchantId, false, write(n));
  }

  static String write(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The merchant's available test-mode USD balance, in cents. */
  static long availableUsd(String merchant) {
    List<Map<String, Object>> amounts =
        as(merchant, "test")
            .get("/v1/balance")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("available");
    return amounts.stream()
        .filter(a -> "USD".equals(a.get("currency")))
        .mapToLong(a -> ((Number) a.get("amount")).longValue())
        .sum();
  }

  /** The operator's ledger verification's answer. */
  static JsonPath ledgerVerification() {
    return given()
        .header("Authorization", "Bearer " + ADMIN_TOKEN)
        .get("/admin/ledger/verify")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The operator's ledger verification finds nothing wrong. */
  static void assertLedgerVerifies() {
    JsonPath verified = ledgerVerification();
    org.assertj.core.api.Assertions.assertThat(verified.getList("problems"))
        .as("ledger verify")
        .isEmpty();
    org.assertj.core.api.Assertions.assertThat(verified.getBoolean("ok")).isTrue();
  }
}
