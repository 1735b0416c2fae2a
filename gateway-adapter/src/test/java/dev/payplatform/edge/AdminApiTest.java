package dev.payplatform.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class AdminApiTest {

  @Test
  void theOperatorApiNeedsTheAdminToken() {
    given()
        .get("/admin/merchants")
        .then()
        .statusCode(401)
        .body("detail", is("Invalid admin token."));
    given()
        .header("Authorization", "Bearer wrong-token-wrong-token")
        .get("/admin/merchants")
        .then()
        .statusCode(401);
    given()
        .header("X-Api-Key", "sk_test_" + "A".repeat(43))
        .get("/admin/merchants")
        .then()
        .statusCode(401);
  }

  @Test
  void creatingAMerchantShowsTwoKeysOnceAndStoresOnlyTheirHashes() throws Exception {
    JsonPath created =
        given()
            .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
            .contentType("application/json")
            .body(
                Map.of(
                    "name",
                    "  Corner Shop  ",
                    "settlement_currency",
                    "crc",
                    "fee_percent",
                    "3.5",
                    "fee_fixed",
                    25))
            .post("/admin/merchants")
            .then()
            .statusCode(201)
            .body("object", is("merchant"))
            .body("name", is("Corner Shop"))
            .body("settlement_currency", is("CRC"))
            .body("local_currency", is("CRC"))
            .body("fee_percent", is("3.50"))
            .body("fee_fixed", is(25))
            .body("statement_descriptor", is("CORNER SHOP"))
            .body("late_success", is("refund"))
            .body("keys", hasSize(2))
            .extract()
            .jsonPath();
    String id = created.getString("id");
    String testKey = created.getString("secret_key_test");
    String liveKey = created.getString("secret_key_live");
    assertThat(id).startsWith("mer_");
    assertThat(testKey).matches("sk_test_[A-Za-z0-9_-]{43}");
    assertThat(liveKey).matches("sk_live_[A-Za-z0-9_-]{43}");
    assertThat(created.getString("keys.find { it.mode == 'test' }.last4"))
        .isEqualTo(testKey.substring(testKey.length() - 4));

    String again =
        given()
            .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
            .get("/admin/merchants/" + id)
            .then()
            .statusCode(200)
            .body("keys.prefix", contains("sk_test_", "sk_live_"))
            .extract()
            .asString();
    assertThat(again).doesNotContain(testKey).doesNotContain(liveKey).doesNotContain("secret_key");
    given()
        .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
        .get("/admin/merchants?limit=100")
        .then()
        .statusCode(200)
        .body(not(containsString(testKey)));

    try (Connection c = dev.payplatform.commons.testing.TestDb.forService("edge").connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select encode(key_hash, 'hex'), k::text from api_key k where merchant_id = ? and livemode = false")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        String expected =
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(testKey.getBytes()));
        assertThat(rs.getString(1)).isEqualTo(expected);
        assertThat(rs.getString(2)).doesNotContain(testKey.substring(8));
      }
    }
  }

  @Test
  void badMerchantInputIs422NamingEachField() {
    given()
        .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
        .contentType("application/json")
        .body(Map.of("fee_percent", "abc", "settlement_currency", "XYZ", "rate_limit_live", 0))
        .post("/admin/merchants")
        .then()
        .statusCode(422)
        .body(
            "detail.loc",
            org.hamcrest.Matchers.hasItems(
                java.util.List.of("body", "fee_percent"),
                java.util.List.of("body", "name"),
                java.util.List.of("body", "rate_limit_live")));
    given()
        .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
        .contentType("application/json")
        .body(Map.of("name", "Ok", "settlement_currency", "XYZ"))
        .post("/admin/merchants")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "settlement_currency"));
    given()
        .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
        .contentType("application/json")
        .body(Map.of("name", "Ok", "late_success", "maybe"))
        .post("/admin/merchants")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "late_success"));
    given()
        .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
        .get("/admin/merchants/mer_nope")
        .then()
        .statusCode(404)
        .body("code", is(404));
  }

  @Test
  void merchantChangesAreEventsOnTheMerchantsTopic() throws Exception {
    try (TopicReader topic = new TopicReader("test.merchants.events")) {
      EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
      given()
          .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
          .contentType("application/json")
          .body("{\"fee_percent\": \"1.25\", \"late_success\": \"keep\"}")
          .patch("/admin/merchants/" + m.id())
          .then()
          .statusCode(200);
      ConsumerRecord<String, String> created =
          topic.await(
              r ->
                  m.id().equals(r.key())
                      && "merchant.created".equals(TopicReader.header(r, "ce_type")),
              Duration.ofSeconds(20));
      ConsumerRecord<String, String> updated =
          topic.await(
              r ->
                  m.id().equals(r.key())
                      && "merchant.updated".equals(TopicReader.header(r, "ce_type")),
              Duration.ofSeconds(20));
      assertThat(TopicReader.header(created, "ce_merchantid")).isEqualTo(m.id());
      assertThat(TopicReader.header(created, "ce_source")).isEqualTo("/gateway-adapter");
      JsonNode data = new ObjectMapper().readTree(updated.value());
      assertThat(data.path("fee_basis_points").asInt()).isEqualTo(125);
      assertThat(data.path("fee_percent").asText()).isEqualTo("1.25");
      assertThat(data.path("late_success").asText()).isEqualTo("keep");
      assertThat(new ObjectMapper().readTree(created.value()).path("late_success").asText())
          .isEqualTo("refund");
      assertThat(data.path("settlement_currency").asText()).isEqualTo("USD");
      assertThat(data.has("secret_key_test")).isFalse();
      assertThat(updated.offset()).isGreaterThan(created.offset());
    }
  }
}
