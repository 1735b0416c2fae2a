package dev.payplatform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.testing.EventSchemas;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each create puts one CloudEvent on the catalog topic, keyed by the object id, with the tenant in
 * its headers and, as data, exactly the object the API returns, valid against its published schema.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogEventsTest {
  private static final String TOPIC = "test.catalog.events";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TopicReader topic;

  @BeforeAll
  void readTheTopic() {
    topic = new TopicReader(TOPIC);
  }

  @AfterAll
  void close() {
    topic.close();
  }

  @Test
  void productCreatedCarriesTheProduct() {
    String merchant = Api.newMerchant();
    String requestId = "req-" + UUID.randomUUID().toString().replace("-", "-x");
    String body =
        Api.asTest(merchant)
            .header("X-Request-Id", requestId)
            .body(Map.of("name", "Evented", "description", "has a description"))
            .post("/v1/products")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode created = read(body);
    String id = created.get("id").asText();

    ConsumerRecord<String, String> record = awaitEvent(id);
    assertEnvelope(record, "product.created", id, merchant, false);
    assertThat(TopicReader.header(record, CloudEventHeaders.REQUEST_ID)).isEqualTo(requestId);
    assertDataIsTheObject(record, "product.created", "/v1/products/" + id, merchant, "test");
  }

  @Test
  void planCreatedCarriesThePlan() {
    String merchant = Api.newMerchant();
    String product = Api.createProduct(merchant, "test", "For plans");
    String id =
        Api.asTest(merchant)
            .body(
                Map.of(
                    "product_id",
                    product,
                    "amount",
                    1999,
                    "currency",
                    "gbp",
                    "interval",
                    "month",
                    "interval_count",
                    3,
                    "nickname",
                    "Quarterly"))
            .post("/v1/plans")
            .then()
            .statusCode(200)
            .extract()
            .path("id");

    ConsumerRecord<String, String> record = awaitEvent(id);
    assertEnvelope(record, "plan.created", id, merchant, false);
    JsonNode data =
        assertDataIsTheObject(record, "plan.created", "/v1/plans/" + id, merchant, "test");
    assertThat(data.get("currency").asText()).isEqualTo("GBP");
    assertThat(data.get("amount").asLong()).isEqualTo(1999);
  }

  @Test
  void customerCreatedCarriesTheCustomer() {
    String merchant = Api.newMerchant();
    String id =
        Api.asTest(merchant)
            .body(Map.of("email", "events@example.com", "phone", "+44 20 7946 0958"))
            .post("/v1/customers")
            .then()
            .statusCode(200)
            .extract()
            .path("id");

    ConsumerRecord<String, String> record = awaitEvent(id);
    assertEnvelope(record, "customer.created", id, merchant, false);
    JsonNode data =
        assertDataIsTheObject(record, "customer.created", "/v1/customers/" + id, merchant, "test");
    assertThat(data.get("name").isNull()).isTrue();
  }

  @Test
  void liveObjectsEmitLiveEvents() {
    String merchant = Api.newMerchant();
    String id = Api.createProduct(merchant, "live", "Live product");
    ConsumerRecord<String, String> record = awaitEvent(id);
    assertEnvelope(record, "product.created", id, merchant, true);
    assertDataIsTheObject(record, "product.created", "/v1/products/" + id, merchant, "live");
  }

  @Test
  void eachCreateWritesOneEventInItsTransaction() {
    String merchant = Api.newMerchant();
    String product = Api.createProduct(merchant, "test", "Once");
    String plan = Api.createPlan(merchant, "test", product, 100);
    awaitEvent(product);
    awaitEvent(plan);
    assertThat(
            Db.count(
                "select count(*) from outbox_event where merchant_id = ? and aggregate_key = ?"
                    + " and event_type = 'product.created'",
                merchant,
                product))
        .isEqualTo(1);
    assertThat(
            Db.count(
                "select count(*) from outbox_event where merchant_id = ? and aggregate_key = ?"
                    + " and event_type = 'plan.created'",
                merchant,
                plan))
        .isEqualTo(1);
    assertThat(Db.count("select count(*) from outbox_event where merchant_id = ?", merchant))
        .isEqualTo(2);
    assertThat(topic.drain(Duration.ZERO))
        .filteredOn(r -> product.equals(r.key()) || plan.equals(r.key()))
        .hasSize(2);
  }

  @Test
  void theSchemasRejectWhatTheyMustReject() {
    // A guard against a schema or validator that accepts anything.
    ObjectNode product =
        (ObjectNode)
            read(
                "{\"id\":\"prod_AAAAAAAAAAAAAAAAAAAAAA\",\"object\":\"product\",\"name\":\"n\","
                    + "\"description\":null,\"active\":true,\"livemode\":false,"
                    + "\"created_at\":\"2026-11-21T16:20:00Z\"}");
    assertThat(EventSchemas.violations("catalog", "product.created", product)).isEmpty();
    assertThat(
            EventSchemas.violations(
                "catalog", "product.created", product.deepCopy().put("extra", 1)))
        .isNotEmpty();
    assertThat(
            EventSchemas.violations(
                "catalog", "product.created", product.deepCopy().without("name")))
        .isNotEmpty();
    assertThat(
            EventSchemas.violations(
                "catalog",
                "product.created",
                product.deepCopy().put("created_at", "2026-11-21 16:20")))
        .isNotEmpty();
    assertThat(EventSchemas.violations("catalog", "plan.created", read("{\"amount\":\"10\"}")))
        .isNotEmpty();
    assertThat(EventSchemas.violations("catalog", "customer.created", read("{}"))).isNotEmpty();
  }

  private ConsumerRecord<String, String> awaitEvent(String id) {
    return topic.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
  }

  private static void assertEnvelope(
      ConsumerRecord<String, String> record,
      String type,
      String id,
      String merchant,
      boolean livemode) {
    assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(TopicReader.header(record, CloudEventHeaders.ID)).startsWith("evt_");
    assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(type);
    assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/catalog-service");
    assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
    assertThat(TopicReader.header(record, CloudEventHeaders.TIME)).endsWith("Z");
    assertThat(TopicReader.header(record, CloudEventHeaders.MERCHANT_ID)).isEqualTo(merchant);
    assertThat(TopicReader.header(record, CloudEventHeaders.LIVEMODE))
        .isEqualTo(String.valueOf(livemode));
    assertThat(TopicReader.header(record, CloudEventHeaders.CONTENT_TYPE))
        .isEqualTo("application/json");
  }

  /** The data is valid against the schema and equal to what GET answers for the object. */
  private static JsonNode assertDataIsTheObject(
      ConsumerRecord<String, String> record,
      String type,
      String path,
      String merchant,
      String mode) {
    JsonNode data = read(record.value());
    assertThat(EventSchemas.violations("catalog", type, data)).as("schema violations").isEmpty();
    JsonNode fromApi =
        read(Api.as(merchant, mode).get(path).then().statusCode(200).extract().asString());
    assertThat(data).isEqualTo(fromApi);
    return data;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
