package dev.payplatform.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An intent left in processing (the process died between the processor call and the second
 * transaction, or that transaction failed) is resolved by the sweep: the processor is asked what
 * happened under the intent's reference, and the answer is applied once. The processor's own record
 * (the sandbox's rows) is written as the sandbox would have written it before the crash.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessingReconciliationTest {
  private static final Duration SWEPT = Duration.ofSeconds(20);
  private TopicReader topic;

  @BeforeAll
  void readTheTopic() {
    topic = new TopicReader("test.checkout.events");
  }

  @AfterAll
  void close() {
    topic.close();
  }

  @Test
  void everyConfirmationCallsTheProcessorUnderItsAttemptsReference() {
    String merchant = Api.newMerchant();
    Api.Intent intent = Api.intent(Api.session(merchant));
    Api.confirm(intent, "4242424242424242").then().statusCode(200);

    String attempt =
        Db.text("select id from payment_attempt where payment_intent_id = ?", intent.id());
    assertThat(Db.text("select processor_reference from payment_intent where id = ?", intent.id()))
        .isEqualTo(attempt);
    assertThat(Db.text("select outcome from sandbox_operation where reference = ?", attempt))
        .isEqualTo("succeeded");
  }

  @Test
  void anIntentLeftProcessingAfterTheCardWasChargedSucceedsOnce() {
    String merchant = Api.newMerchant();
    String session = Api.session(merchant);
    Api.Intent intent = Api.intent(session);
    String reference = "att_" + UUID.randomUUID().toString().replace("-", "");
    String charge = "ch_" + UUID.randomUUID().toString().replace("-", "");

    // The first transaction moved the intent to processing; the sandbox charged the card and
    // recorded it under the reference; then the process died.
    leftProcessing(intent.id(), reference);
    Db.update(
        "insert into sandbox_charge (id, merchant_id, livemode, amount, currency, amount_refunded,"
            + " created_at) values (?, ?, false, 2500, 'USD', 0, now())",
        charge,
        merchant);
    Db.update(
        "insert into sandbox_operation (reference, merchant_id, livemode, outcome, charge_id,"
            + " card_brand, card_last4, card_exp_month, card_exp_year, card_country, created_at)"
            + " values (?, ?, false, 'succeeded', ?, 'visa', '4242', 12, 2030, 'US', now())",
        reference,
        merchant,
        charge);

    await().atMost(SWEPT).until(() -> "succeeded".equals(status(intent.id())));
    assertThat(Db.text("select charge_ref from payment_intent where id = ?", intent.id()))
        .isEqualTo(charge);
    assertThat(Db.text("select status from checkout_session where id = ?", session))
        .isEqualTo("complete");
    assertThat(Db.text("select outcome from payment_attempt where id = ?", reference))
        .as("the attempt is recorded under the call's reference")
        .isEqualTo("succeeded");
    assertThat(events(intent.id(), "payment_intent.succeeded"))
        .as("one success, emitted by the sweep")
        .hasSize(1);

    // A buyer who comes back finds the payment done; nothing charges again.
    Api.confirm(intent, "4242424242424242").then().statusCode(409);
    assertThat(Db.count("select count(*) from sandbox_charge where merchant_id = ?", merchant))
        .isEqualTo(1);
  }

  @Test
  void anIntentLeftProcessingWithNothingAtTheProcessorIsReleasedAndTheLateCallRefused() {
    String merchant = Api.newMerchant();
    Api.Intent intent = Api.intent(Api.session(merchant));
    String reference = "att_" + UUID.randomUUID().toString().replace("-", "");
    leftProcessing(intent.id(), reference);

    await().atMost(SWEPT).until(() -> "requires_payment_method".equals(status(intent.id())));
    assertThat(Db.text("select decline_reason from payment_attempt where id = ?", reference))
        .isEqualTo("processing_error");
    assertThat(Db.count("select failed_attempts from payment_intent where id = ?", intent.id()))
        .as("not the buyer's failure: not counted toward the cancel limit")
        .isZero();
    assertThat(Db.text("select outcome from sandbox_operation where reference = ?", reference))
        .as("the reference is voided, so the call still on its way is refused")
        .isEqualTo("voided");
    assertThat(events(intent.id(), "payment_intent.payment_failed")).hasSize(1);

    // The buyer pays again, under a new reference.
    Api.confirm(intent, "4242424242424242").then().statusCode(200);
    assertThat(status(intent.id())).isEqualTo("succeeded");
    assertThat(Db.count("select count(*) from sandbox_charge where merchant_id = ?", merchant))
        .isEqualTo(1);
  }

  @Test
  void anIntentStillWithinItsDeadlineIsLeftAlone() throws InterruptedException {
    Api.Intent intent = Api.intent(Api.session(Api.newMerchant()));
    String reference = "att_" + UUID.randomUUID().toString().replace("-", "");
    Db.update(
        "update payment_intent set status = 'processing', processor_reference = ?,"
            + " processing_since = now() where id = ?",
        reference,
        intent.id());
    Thread.sleep(3_000); // three sweep ticks
    assertThat(status(intent.id())).isEqualTo("processing");
    assertThat(Db.count("select count(*) from sandbox_operation where reference = ?", reference))
        .as("the processor was not asked: the call may still be under way")
        .isZero();
  }

  private static void leftProcessing(String intentId, String reference) {
    Db.update(
        "update payment_intent set status = 'processing', processor_reference = ?,"
            + " processing_since = now() - interval '1 hour' where id = ?",
        reference,
        intentId);
  }

  private static String status(String intentId) {
    return Db.text("select status from payment_intent where id = ?", intentId);
  }

  private List<ConsumerRecord<String, String>> events(String intentId, String type) {
    topic.await(
        r -> intentId.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type")),
        Duration.ofSeconds(10));
    return topic.drain(Duration.ofSeconds(1)).stream()
        .filter(r -> intentId.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type")))
        .toList();
  }
}
