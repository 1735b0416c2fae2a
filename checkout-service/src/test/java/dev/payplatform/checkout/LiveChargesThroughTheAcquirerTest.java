package dev.payplatform.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import dev.payplatform.acquirer.HostTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Live charges through the ISO 8583 connector against the acquirer host (docs/connectors.md): an
 * approval carries the acquirer's authorization code and RRN, every mapped response code declines
 * with its reason, and an answer that never comes, or a link that is down, is a processing error
 * with no charge standing at the acquirer.
 */
@QuarkusTest
class LiveChargesThroughTheAcquirerTest {

  @AfterEach
  void healTheHost() {
    Acquirer.host().faults().clear();
    Acquirer.host().acceptConnections();
  }

  @Test
  void anApprovedPurchaseSucceedsWithTheAcquirersAuthorizationCodeAndRrn() {
    String account = Acquirer.account();
    Api.Intent intent = Api.intent(Acquirer.liveSession(account, "42.50"));

    Api.confirm(intent, "4242424242424242")
        .then()
        .statusCode(200)
        .body("status", is("succeeded"))
        .body("card.last4", is("4242"));

    String rrn = Db.text("select charge_ref from payment_intent where id = ?", intent.id());
    assertThat(rrn).matches("\\d{12}");
    HostTransaction atAcquirer = Acquirer.transaction(rrn).orElseThrow();
    assertThat(atAcquirer.status()).isEqualTo(HostTransaction.APPROVED);
    assertThat(atAcquirer.amount()).isEqualTo(4250);
    assertThat(atAcquirer.currency()).isEqualTo("840");
    assertThat(atAcquirer.terminalId()).isEqualTo("TERM0001");
    assertThat(atAcquirer.cardAcceptorId()).isEqualTo("SHOP00000000001");
    assertThat(
            Db.text(
                "select state || ' ' || response_code || ' ' || authorization_code"
                    + " from iso8583_transaction where rrn = ?",
                rrn))
        .isEqualTo("approved 00 " + atAcquirer.authorizationCode());
    // The merchant sees the network's answer on the intent's event (and so on the payment).
    assertThat(
            Db.text(
                "select payload->'network'->>'authorization_code' || ' '"
                    + " || (payload->'network'->>'retrieval_reference_number') || ' '"
                    + " || (payload->'network'->>'response_code') from outbox_event"
                    + " where event_type = 'payment_intent.succeeded' and aggregate_key = ?",
                intent.id()))
        .isEqualTo(atAcquirer.authorizationCode() + " " + rrn + " 00");
    // The card number reached the acquirer and nothing else: the host keeps it masked.
    assertThat(Acquirer.host().record().journal())
        .filteredOn(e -> rrn.equals(e.rrn()) && "in".equals(e.direction()))
        .singleElement()
        .satisfies(e -> assertThat(e.maskedPan()).isEqualTo("424242******4242"));
  }

  @ParameterizedTest
  @CsvSource({
    "4000058300050002, card_declined",
    "4000058300140001, incorrect_number",
    "4000058300510005, insufficient_funds",
    "4000058300540002, expired_card",
    "4000058300550001, incorrect_cvc",
    "4000000000000127, incorrect_cvc",
    "4000058300820008, incorrect_cvc",
    "4000058300570009, transaction_not_allowed",
    "4000058300590007, fraudulent",
    "4000058300610003, card_velocity_exceeded",
    "4000058300650009, card_velocity_exceeded",
    "4000058300910007, processing_error",
    "4000058300960002, processing_error",
    "4000000000009995, insufficient_funds"
  })
  void eachResponseCodeDeclinesWithItsMappedReason(String card, String reason) {
    Api.Intent intent = Api.intent(Acquirer.liveSession(Acquirer.account(), "10.00"));
    Api.confirm(intent, card).then().statusCode(402).body("error.decline_reason", is(reason));
    assertThat(Db.text("select status from payment_intent where id = ?", intent.id()))
        .isEqualTo("requires_payment_method");
    assertThat(
            Db.text(
                "select state from iso8583_transaction where reference = (select"
                    + " processor_reference from payment_intent where id = ?)",
                intent.id()))
        .isEqualTo("declined");
  }

  /** The response code the host answers a card with (docs/connectors.md, the acquirer host). */
  private static String expectedCode(String card) {
    return switch (card) {
      case "4000000000000127" -> "N7";
      case "4000000000009995" -> "51";
      default -> card.substring(10, 12);
    };
  }

  @Test
  void anAnswerThatNeverComesIsReversedAndNothingIsCharged() {
    String account = Acquirer.account();
    Api.Intent intent = Api.intent(Acquirer.liveSession(account, "15.00"));
    Acquirer.host().faults().set(0, true);

    Api.confirm(intent, "4242424242424242")
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("processing_error"));
    Acquirer.host().faults().clear();

    String reference =
        Db.text(
            "select reference from iso8583_transaction where reference = (select"
                + " processor_reference from payment_intent where id = ?)",
            intent.id());
    String rrn = Db.text("select rrn from iso8583_transaction where reference = ?", reference);
    // The acquirer approved the purchase it never answered; the reversal (0400, then advices)
    // undoes it.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(Acquirer.transaction(rrn).orElseThrow().status())
                  .isEqualTo(HostTransaction.REVERSED);
              assertThat(
                      Db.text(
                          "select state from iso8583_transaction where reference = ?", reference))
                  .isEqualTo("reversed");
            });
    assertThat(Db.text("select status from payment_intent where id = ?", intent.id()))
        .isEqualTo("requires_payment_method");
  }

  @Test
  void aLinkThatIsDownIsAProcessingErrorNeverA500() throws Exception {
    String account = Acquirer.account(Acquirer.freePort());
    Api.Intent intent = Api.intent(Acquirer.liveSession(account, "15.00"));
    Api.confirm(intent, "4242424242424242")
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("processing_error"));
    assertThat(
            Db.count(
                "select count(*) from iso8583_transaction where gateway_account_id = ?", account))
        .isZero();
  }

  @Test
  void aDisabledAccountRefusesLiveChargesAsUnavailable() {
    String account = Acquirer.account();
    Acquirer.admin()
        .body(Map.of("status", "disabled"))
        .patch("/admin/gateway_accounts/" + account)
        .then()
        .statusCode(200)
        .body("status", is("disabled"));
    Api.Intent intent = Api.intent(Acquirer.liveSession(account, "15.00"));
    Api.confirm(intent, "4242424242424242")
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("live_mode_unavailable"))
        .body("error.message", containsString("is disabled"));
  }

  @Test
  void aLiveRefundReachesTheAcquirerAsARefundEvenAfterTheAccountIsDisabled() {
    String account = Acquirer.account();
    String session = Acquirer.liveSession(account, "30.00");
    String merchant = Db.text("select merchant_id from checkout_session where id = ?", session);
    String paymentId =
        Api.confirm(Api.intent(session), "4242424242424242")
            .then()
            .statusCode(200)
            .extract()
            .path("payment_id");
    String purchaseRrn =
        Db.text("select charge_ref from payment_intent where payment_id = ?", paymentId);
    // Disabling stops new charges; money already taken can still go back to the buyer.
    Acquirer.admin()
        .body(Map.of("status", "disabled"))
        .patch("/admin/gateway_accounts/" + account)
        .then()
        .statusCode(200);

    String refundId = dev.payplatform.commons.ids.Ids.newId("re");
    dev.payplatform.commons.testing.TestEvents.publish(
        "test.billing.events",
        "refund.created",
        refundId,
        merchant,
        true,
        "{\"refund_id\":\"%s\",\"payment_id\":\"%s\",\"amount\":1250,\"currency\":\"USD\",\"reason\":\"requested_by_customer\"}"
            .formatted(refundId, paymentId));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(Db.text("select status from refund where id = ?", refundId))
                    .isEqualTo("succeeded"));
    assertThat(Acquirer.host().record().transactions())
        .filteredOn(t -> HostTransaction.REFUND.equals(t.type()))
        .filteredOn(t -> purchaseRrn.equals(t.originalRrn()))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.amount()).isEqualTo(1250);
              assertThat(t.status()).isEqualTo(HostTransaction.APPROVED);
            });
  }

  @Test
  void credentialsAreSealedAtRestAndShownByNameOnly() {
    Map<String, Object> body = Acquirer.accountBody(Acquirer.host().port());
    body.put("credentials", Map.of("mac_key", "0123456789ABCDEFFEDCBA9876543210"));
    Response created = Acquirer.admin().body(body).post("/admin/gateway_accounts");
    created
        .then()
        .statusCode(201)
        .body("id", matchesPattern("acct_[A-Za-z0-9_-]+"))
        .body("object", is("gateway_account"))
        .body("credentials", is(java.util.List.of("mac_key")))
        .body("terminal_id", is("TERM0001"));
    String id = created.path("id");
    assertThat(Db.text("select sealed_credentials from gateway_account where id = ?", id))
        .isNotBlank()
        .doesNotContain("0123456789ABCDEF");
    assertThat(created.asString()).doesNotContain("0123456789ABCDEF");
  }

  @Test
  void theOperatorApiNeedsTheAdminTokenAndValidatesTheAcceptorIds() {
    io.restassured.RestAssured.given()
        .contentType("application/json")
        .body(Acquirer.accountBody(1))
        .post("/admin/gateway_accounts")
        .then()
        .statusCode(401);
    Map<String, Object> body = Acquirer.accountBody(1);
    body.put("terminal_id", "TOO-LONG-TERMINAL");
    body.put("merchant_category_code", "59a9");
    Acquirer.admin()
        .body(body)
        .post("/admin/gateway_accounts")
        .then()
        .statusCode(422)
        .body(containsString("terminal_id"))
        .body(containsString("merchant_category_code"));
    Acquirer.admin().get("/admin/gateway_accounts/acct_nope").then().statusCode(404);
  }
}
