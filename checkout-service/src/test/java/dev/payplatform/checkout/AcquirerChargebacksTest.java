package dev.payplatform.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.testing.EventSchemas;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * An operator records the acquirer's chargeback of a live charge (docs/disputes.md): checkout
 * reports it as processor.dispute_opened with the acquirer's case; only a charged live payment,
 * never more than its amount, and only with the operator token.
 */
@QuarkusTest
class AcquirerChargebacksTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aChargebackOfALiveChargeIsReportedWithTheAcquirersCase() throws Exception {
    Api.Intent intent = Api.intent(Acquirer.liveSession(Acquirer.account(), "42.50"));
    Api.confirm(intent, "4242424242424242").then().statusCode(200);
    String paymentId = Db.text("select payment_id from payment_intent where id = ?", intent.id());
    String rrn = Db.text("select charge_ref from payment_intent where id = ?", intent.id());

    try (TopicReader topic = new TopicReader("test.checkout.events")) {
      Acquirer.admin()
          .body(
              Map.of(
                  "payment_id",
                  paymentId,
                  "acquirer_reference",
                  "CB-2026-0001-" + rrn,
                  "reason",
                  "fraudulent",
                  "network_reason_code",
                  "10.4"))
          .post("/admin/disputes")
          .then()
          .statusCode(202)
          .body("amount", is(4250))
          .body("processor_reference", is("CB-2026-0001-" + rrn));
      ConsumerRecord<String, String> r =
          topic.await(
              e ->
                  intent.id().equals(e.key())
                      && "processor.dispute_opened"
                          .equals(TopicReader.header(e, CloudEventHeaders.TYPE)),
              Duration.ofSeconds(30));
      JsonNode data = JSON.readTree(r.value());
      assertThat(EventSchemas.violations("checkout", "processor.dispute_opened", data)).isEmpty();
      assertThat(data.get("charge_ref").asText()).isEqualTo(rrn);
      assertThat(data.get("network_reason_code").asText()).isEqualTo("10.4");
      assertThat(data.get("inquiry").asBoolean()).isFalse();
      assertThat(TopicReader.header(r, CloudEventHeaders.LIVEMODE)).isEqualTo("true");
    }

    // More than the charge, a payment never charged live, a bad reason, no token.
    Acquirer.admin()
        .body(
            Map.of(
                "payment_id",
                paymentId,
                "acquirer_reference",
                "CB-2",
                "reason",
                "fraudulent",
                "amount",
                4251))
        .post("/admin/disputes")
        .then()
        .statusCode(422);
    String testPayment =
        Db.text(
            "select payment_id from payment_intent where id = ?",
            Api.intent(Api.session(Api.newMerchant())).id());
    Acquirer.admin()
        .body(Map.of("payment_id", testPayment, "acquirer_reference", "CB-3", "reason", "general"))
        .post("/admin/disputes")
        .then()
        .statusCode(422);
    Acquirer.admin()
        .body(Map.of("payment_id", paymentId, "acquirer_reference", "CB-4", "reason", "because"))
        .post("/admin/disputes")
        .then()
        .statusCode(422);
    io.restassured.RestAssured.given()
        .contentType("application/json")
        .body(Map.of("payment_id", paymentId, "acquirer_reference", "CB-5", "reason", "general"))
        .post("/admin/disputes")
        .then()
        .statusCode(401);
  }
}
