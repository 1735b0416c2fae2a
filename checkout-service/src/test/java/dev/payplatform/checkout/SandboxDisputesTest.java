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
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sandbox's disputing test cards (docs/disputes.md): the charge succeeds, and a while later (1
 * s in tests) the sandbox reports the dispute on checkout.events, once, with its reason.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxDisputesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private TopicReader topic;

  @BeforeAll
  void readTheTopic() {
    topic = new TopicReader("test.checkout.events");
  }

  @AfterAll
  void close() {
    topic.close();
  }

  @ParameterizedTest
  @CsvSource({
    "4000000000000259, fraudulent, false",
    "4000000000002685, product_not_received, false",
    "4000000000001976, general, true"
  })
  void aDisputingCardSucceedsThenItsChargeIsDisputedOnce(
      String number, String reason, boolean inquiry) throws Exception {
    String merchant = Api.newMerchant();
    Api.Intent intent = Api.intent(Api.session(merchant));
    Api.confirm(intent, number).then().statusCode(200).body("status", is("succeeded"));

    ConsumerRecord<String, String> r =
        topic.await(
            e ->
                intent.id().equals(e.key())
                    && "processor.dispute_opened"
                        .equals(TopicReader.header(e, CloudEventHeaders.TYPE)),
            Duration.ofSeconds(30));
    JsonNode data = JSON.readTree(r.value());
    assertThat(EventSchemas.violations("checkout", "processor.dispute_opened", data)).isEmpty();
    String chargeRef = Db.text("select charge_ref from payment_intent where id = ?", intent.id());
    assertThat(data.get("payment_id").asText())
        .isEqualTo(Db.text("select payment_id from payment_intent where id = ?", intent.id()));
    assertThat(data.get("charge_ref").asText()).isEqualTo(chargeRef);
    assertThat(data.get("processor_reference").asText()).isEqualTo(chargeRef);
    assertThat(data.get("amount").asLong()).isEqualTo(9999);
    assertThat(data.get("currency").asText()).isEqualTo("USD");
    assertThat(data.get("reason").asText()).isEqualTo(reason);
    assertThat(data.get("inquiry").asBoolean()).isEqualTo(inquiry);
    assertThat(TopicReader.header(r, CloudEventHeaders.MERCHANT_ID)).isEqualTo(merchant);
    assertThat(TopicReader.header(r, CloudEventHeaders.LIVEMODE)).isEqualTo("false");

    // Later passes find nothing more to report for this charge.
    List<ConsumerRecord<String, String>> seen = topic.drain(Duration.ofSeconds(3));
    assertThat(
            seen.stream()
                .filter(
                    e ->
                        intent.id().equals(e.key())
                            && "processor.dispute_opened"
                                .equals(TopicReader.header(e, CloudEventHeaders.TYPE))))
        .hasSize(1);
    assertThat(
            Db.count(
                "select count(*) from sandbox_charge where id = ? and dispute_opened_at is not null",
                chargeRef))
        .isOne();
  }

  @ParameterizedTest
  @CsvSource({"4242424242424242", "5555555555554444"})
  void anOrdinaryCardIsNeverDisputed(String number) {
    Api.Intent intent = Api.intent(Api.session(Api.newMerchant()));
    Api.confirm(intent, number).then().statusCode(200);
    String chargeRef = Db.text("select charge_ref from payment_intent where id = ?", intent.id());
    assertThat(
            Db.count(
                "select count(*) from sandbox_charge where id = ? and dispute_due_at is null",
                chargeRef))
        .isOne();
  }
}
