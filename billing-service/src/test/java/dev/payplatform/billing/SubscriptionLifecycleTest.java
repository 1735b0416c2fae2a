package dev.payplatform.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A subscription's life, driven as in production: the merchant calls the API, the buyer pays on the
 * hosted page, checkout-service's outcomes arrive as events (published here in its stead), and the
 * test clock stands in for the passing months.
 */
@QuarkusTest
class SubscriptionLifecycleTest {
  private static final String PAY_URL = "http://127.0.0.1:8080/link/";

  @Test
  void firstInvoicePaidOnTheHostedPageActivatesAndARenewalAdvancesThePeriod() {
    String m = Api.newMerchant();
    String customer = Upstream.customer(m, false);
    String plan = Upstream.plan(m, false, 4999, "month");
    Upstream.merchant(m, "Renewals Ltd", Instant.now());
    Upstream.awaitRow(
        "select count(*) from merchant_record where id = ? and gateway_account_id = 'acct_test'",
        m);
    try (BillingTopic topic = new BillingTopic()) {
      JsonPath created = Subscriptions.create(m, customer, plan);
      String id = created.getString("id");
      String invoice = created.getString("latest_invoice.id");
      assertThat(id).matches("sub_[A-Za-z0-9_-]{22}");
      assertThat(created.getString("object")).isEqualTo("subscription");
      assertThat(created.getString("status")).isEqualTo("incomplete");
      assertThat(created.getString("customer_id")).isEqualTo(customer);
      assertThat(created.getString("plan_id")).isEqualTo(plan);
      assertThat(created.getLong("amount")).isEqualTo(4999);
      assertThat(created.getString("currency")).isEqualTo("USD");
      assertThat(created.getString("interval")).isEqualTo("month");
      assertThat(created.getString("current_period_start")).isNull();
      assertThat(created.getBoolean("livemode")).isFalse();
      assertThat(created.getLong("test_clock.advanced_seconds")).isZero();
      assertThat(invoice).matches("in_[A-Za-z0-9_-]{22}");
      assertThat(created.getString("latest_invoice.status")).isEqualTo("open");
      assertThat(created.getString("latest_invoice.billing_reason"))
          .isEqualTo("subscription_create");
      assertThat(created.getLong("latest_invoice.amount")).isEqualTo(4999);
      assertThat(created.getString("latest_invoice.payment_url")).isEqualTo(PAY_URL + invoice);
      topic.await("subscription.created", id);
      JsonNode invoiceCreated = topic.await("invoice.created", invoice);
      assertThat(invoiceCreated.path("subscription_id").asText()).isEqualTo(id);

      // The buyer opens payment_url: a fresh payment on checkout's hosted page, signed by billing.
      CheckoutRedirects.Redirect visit = CheckoutRedirects.visit(invoice);
      CheckoutClaims claims = visit.claims();
      assertThat(claims.purpose()).isEqualTo("invoice");
      assertThat(claims.reference()).isEqualTo(invoice);
      assertThat(claims.merchantId()).isEqualTo(m);
      assertThat(claims.livemode()).isFalse();
      assertThat(claims.amountMinor()).isEqualTo(4999);
      assertThat(claims.currency()).isEqualTo("USD");
      assertThat(claims.customerId()).isEqualTo(customer);
      assertThat(claims.gatewayAccountId()).isEqualTo("acct_test");
      assertThat(claims.returnUrl()).isEqualTo(PAY_URL + invoice + "/thanks");
      assertThat(CheckoutRedirects.visit(invoice).paymentId())
          .as("one open payment per invoice: a second visit pays the same payment")
          .isEqualTo(visit.paymentId());

      Upstream.chargeSucceeded(
          m, Upstream.invoiceCharge(invoice, id, visit.paymentId(), "pm_card_visa", false));
      JsonPath active = Subscriptions.awaitStatus(m, id, "active");
      Instant start = Instant.parse(active.getString("current_period_start"));
      Instant end = Instant.parse(active.getString("current_period_end"));
      assertThat(end).isEqualTo(start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
      assertThat(active.getString("default_payment_method")).isEqualTo("pm_card_visa");
      assertThat(active.getString("latest_invoice.status")).isEqualTo("paid");
      assertThat(active.getString("latest_invoice.payment_id")).isEqualTo(visit.paymentId());
      assertThat(active.getString("latest_invoice.payment_url")).isNull();
      assertThat(active.getString("latest_invoice.period_start")).isEqualTo(start.toString());
      topic.await("invoice.paid", invoice);
      topic.await("subscription.activated", id, d -> "active".equals(d.path("status").asText()));
      CheckoutRedirects.visitGone(invoice);

      // A month later: the renewal invoice is created and charged off-session with the saved card.
      JsonPath renewing = Subscriptions.advanceTo(m, id, end.toString());
      String renewal = renewing.getString("latest_invoice.id");
      assertThat(renewal).isNotEqualTo(invoice);
      assertThat(renewing.getString("status")).isEqualTo("active");
      assertThat(renewing.getString("latest_invoice.billing_reason"))
          .isEqualTo("subscription_cycle");
      assertThat(renewing.getString("latest_invoice.status")).isEqualTo("open");
      assertThat(renewing.getInt("latest_invoice.attempt_count")).isEqualTo(1);
      assertThat(renewing.getString("latest_invoice.period_start")).isEqualTo(end.toString());
      assertThat(renewing.getString("latest_invoice.period_end"))
          .isEqualTo(start.atZone(ZoneOffset.UTC).plusMonths(2).toInstant().toString());
      assertThat(Instant.parse(renewing.getString("test_clock.now"))).isAfterOrEqualTo(end);
      topic.await("invoice.created", renewal);
      JsonNode charge = topic.await("invoice.charge_requested", renewal);
      assertThat(charge.path("invoice_id").asText()).isEqualTo(renewal);
      assertThat(charge.path("subscription_id").asText()).isEqualTo(id);
      assertThat(charge.path("customer_id").asText()).isEqualTo(customer);
      assertThat(charge.path("payment_method_id").asText()).isEqualTo("pm_card_visa");
      assertThat(charge.path("amount").asLong()).isEqualTo(4999);
      assertThat(charge.path("currency").asText()).isEqualTo("USD");
      assertThat(charge.path("gateway_account_id").asText())
          .as("a live connector charges renewals through the merchant's gateway account")
          .isEqualTo("acct_test");
      String attemptPayment = charge.path("payment_id").asText();
      assertThat(attemptPayment).isEqualTo(renewing.getString("latest_invoice.payment_id"));

      Upstream.chargeSucceeded(
          m, Upstream.invoiceCharge(renewal, id, attemptPayment, "pm_card_visa", true));
      JsonPath renewed =
          Subscriptions.awaitState(
              m, id, s -> end.toString().equals(s.getString("current_period_start")));
      assertThat(renewed.getString("status")).isEqualTo("active");
      assertThat(renewed.getString("latest_invoice.status")).isEqualTo("paid");
      assertThat(renewed.getString("current_period_end"))
          .isEqualTo(renewing.getString("latest_invoice.period_end"));
      topic.await("invoice.paid", renewal);
      topic.await(
          "subscription.renewed",
          id,
          d -> end.toString().equals(d.path("current_period_start").asText()));
    }
  }

  @Test
  void aFailedRenewalGoesPastDueAndASuccessfulRetryRecoversIt() {
    Subscriptions.Active sub = Subscriptions.active("pm_card_insufficient");
    String m = sub.merchantId();
    String periodEnd = sub.state().getString("current_period_end");
    try (BillingTopic topic = new BillingTopic()) {
      JsonPath renewing = Subscriptions.advanceTo(m, sub.id(), periodEnd);
      String renewal = renewing.getString("latest_invoice.id");
      String firstAttempt =
          topic.await("invoice.charge_requested", renewal).path("payment_id").asText();
      Map<String, Object> failure =
          Upstream.invoiceCharge(renewal, sub.id(), firstAttempt, "pm_card_insufficient", true);
      Upstream.chargeFailed(m, failure, "insufficient_funds");

      JsonPath pastDue = Subscriptions.awaitStatus(m, sub.id(), "past_due");
      Instant renewalDate = Instant.parse(periodEnd);
      assertThat(pastDue.getString("latest_invoice.status")).isEqualTo("open");
      assertThat(pastDue.getString("latest_invoice.failure_reason"))
          .isEqualTo("insufficient_funds");
      assertThat(pastDue.getInt("latest_invoice.attempt_count")).isEqualTo(1);
      assertThat(pastDue.getString("latest_invoice.next_payment_attempt"))
          .isEqualTo(renewalDate.plus(Duration.ofDays(1)).toString());
      assertThat(pastDue.getString("latest_invoice.payment_url")).isEqualTo(PAY_URL + renewal);
      assertThat(pastDue.getString("current_period_end")).isEqualTo(periodEnd);
      topic.await("invoice.payment_failed", renewal);
      topic.await("subscription.past_due", sub.id());

      // Retry 1 is due a day after the renewal date.
      JsonPath retrying = Subscriptions.advanceSeconds(m, sub.id(), 86_400);
      assertThat(retrying.getString("status")).isEqualTo("past_due");
      assertThat(retrying.getInt("latest_invoice.attempt_count")).isEqualTo(2);
      assertThat(retrying.getString("latest_invoice.next_payment_attempt")).isNull();
      String secondAttempt = retrying.getString("latest_invoice.payment_id");
      assertThat(secondAttempt).isNotEqualTo(firstAttempt);
      topic.await(
          "invoice.charge_requested",
          renewal,
          d -> secondAttempt.equals(d.path("payment_id").asText()));

      // A late duplicate of the first attempt's failure must not count against the second.
      Upstream.chargeFailed(m, failure, "insufficient_funds");
      Upstream.chargeSucceeded(
          m,
          Upstream.invoiceCharge(renewal, sub.id(), secondAttempt, "pm_card_insufficient", true));
      JsonPath recovered = Subscriptions.awaitStatus(m, sub.id(), "active");
      assertThat(recovered.getString("current_period_start")).isEqualTo(periodEnd);
      assertThat(recovered.getString("latest_invoice.status")).isEqualTo("paid");
      assertThat(recovered.getInt("latest_invoice.attempt_count")).isEqualTo(2);
      topic.await("subscription.renewed", sub.id());
      long failures =
          topic.drain(renewal, Duration.ofMillis(500)).stream()
              .map(BillingTopic::type)
              .filter("invoice.payment_failed"::equals)
              .count();
      assertThat(failures).as("only the first attempt failed").isEqualTo(1);
    }
  }

  @Test
  void aRenewalThatKeepsFailingIsCanceledAfterTheLastRetry() {
    Subscriptions.Active sub = Subscriptions.active("pm_card_declined");
    String m = sub.merchantId();
    String periodEnd = sub.state().getString("current_period_end");
    Instant renewalDate = Instant.parse(periodEnd);
    try (BillingTopic topic = new BillingTopic()) {
      JsonPath state = Subscriptions.advanceTo(m, sub.id(), periodEnd);
      String renewal = state.getString("latest_invoice.id");
      int[] retryDays = {1, 3, 5};
      for (int attempt = 1; attempt <= 4; attempt++) {
        String payment = state.getString("latest_invoice.payment_id");
        assertThat(state.getInt("latest_invoice.attempt_count")).isEqualTo(attempt);
        topic.await(
            "invoice.charge_requested",
            renewal,
            d -> payment.equals(d.path("payment_id").asText()));
        Upstream.chargeFailed(
            m,
            Upstream.invoiceCharge(renewal, sub.id(), payment, "pm_card_declined", true),
            "card_declined");
        if (attempt < 4) {
          String next = renewalDate.plus(Duration.ofDays(retryDays[attempt - 1])).toString();
          JsonPath waiting =
              Subscriptions.awaitState(
                  m,
                  sub.id(),
                  s -> next.equals(s.getString("latest_invoice.next_payment_attempt")));
          assertThat(waiting.getString("status")).isEqualTo("past_due");
          state = Subscriptions.advanceTo(m, sub.id(), next);
        }
      }
      JsonPath canceled = Subscriptions.awaitStatus(m, sub.id(), "canceled");
      assertThat(canceled.getString("cancellation_reason")).isEqualTo("payment_failed");
      assertThat(canceled.getString("ended_at")).isNotNull();
      assertThat(canceled.getString("latest_invoice.status")).isEqualTo("uncollectible");
      assertThat(canceled.getInt("latest_invoice.attempt_count")).isEqualTo(4);
      assertThat(canceled.getString("latest_invoice.payment_url")).isNull();
      topic.await("subscription.canceled", sub.id());

      // Nothing happens to a canceled subscription however far its clock moves.
      JsonPath later = Subscriptions.advanceSeconds(m, sub.id(), 90L * 86_400);
      assertThat(later.getString("status")).isEqualTo("canceled");
      assertThat(later.getString("latest_invoice.id")).isEqualTo(renewal);
    }
  }

  @Test
  void withoutASavedPaymentMethodTheRenewalFailsAtOnceAndTheHostedPageRecoversIt() {
    Subscriptions.Active sub = Subscriptions.active(null);
    String m = sub.merchantId();
    assertThat(sub.state().getString("default_payment_method")).isNull();
    String periodEnd = sub.state().getString("current_period_end");
    try (BillingTopic topic = new BillingTopic()) {
      JsonPath pastDue = Subscriptions.advanceTo(m, sub.id(), periodEnd);
      assertThat(pastDue.getString("status")).isEqualTo("past_due");
      String renewal = pastDue.getString("latest_invoice.id");
      assertThat(pastDue.getString("latest_invoice.failure_reason")).isEqualTo("no_payment_method");
      topic.await("invoice.payment_failed", renewal);

      // The customer pays the open invoice on-session through its payment_url.
      CheckoutRedirects.Redirect visit = CheckoutRedirects.visit(renewal);
      assertThat(visit.claims().purpose()).isEqualTo("invoice");
      Upstream.chargeSucceeded(
          m, Upstream.invoiceCharge(renewal, sub.id(), visit.paymentId(), "pm_saved_now", false));
      JsonPath active = Subscriptions.awaitStatus(m, sub.id(), "active");
      assertThat(active.getString("current_period_start")).isEqualTo(periodEnd);
      assertThat(active.getString("default_payment_method")).isEqualTo("pm_saved_now");
      assertThat(active.getInt("latest_invoice.attempt_count")).isEqualTo(2);
    }
  }

  @Test
  void cancelNowVoidsTheOpenInvoiceAndCancelAtPeriodEndWaitsForTheEndOfThePeriod() {
    String m = Api.newMerchant();
    String customer = Upstream.customer(m, false);
    String plan = Upstream.plan(m, false, 1500, "week");
    try (BillingTopic topic = new BillingTopic()) {
      JsonPath incomplete = Subscriptions.create(m, customer, plan);
      String id = incomplete.getString("id");
      String invoice = incomplete.getString("latest_invoice.id");
      JsonPath canceled =
          Api.asTest(m)
              .post("/v1/subscriptions/" + id + "/cancel")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(canceled.getString("status")).isEqualTo("canceled");
      assertThat(canceled.getString("cancellation_reason")).isEqualTo("requested");
      assertThat(canceled.getString("canceled_at")).isNotNull();
      assertThat(canceled.getString("ended_at")).isNotNull();
      assertThat(canceled.getString("latest_invoice.status")).isEqualTo("void");
      assertThat(canceled.getString("latest_invoice.payment_url")).isNull();
      topic.await("subscription.canceled", id);
      CheckoutRedirects.visitGone(invoice);
      Api.asTest(m)
          .post("/v1/subscriptions/" + id + "/cancel")
          .then()
          .statusCode(409)
          .body("code", org.hamcrest.Matchers.is(409))
          .body("content", org.hamcrest.Matchers.containsString("already ended"));
    }

    Subscriptions.Active sub = Subscriptions.active("pm_card_visa");
    String periodEnd = sub.state().getString("current_period_end");
    JsonPath scheduled =
        Api.asTest(sub.merchantId())
            .body(Map.of("at_period_end", true))
            .post("/v1/subscriptions/" + sub.id() + "/cancel")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(scheduled.getString("status")).isEqualTo("active");
    assertThat(scheduled.getBoolean("cancel_at_period_end")).isTrue();
    assertThat(scheduled.getString("ended_at")).isNull();
    JsonPath ended = Subscriptions.advanceTo(sub.merchantId(), sub.id(), periodEnd);
    assertThat(ended.getString("status")).isEqualTo("canceled");
    assertThat(ended.getString("cancellation_reason")).isEqualTo("cancel_at_period_end");
    assertThat(ended.getString("ended_at")).isEqualTo(periodEnd);
    assertThat(ended.getString("latest_invoice.id"))
        .as("no renewal for a subscription ending at period end")
        .isEqualTo(sub.firstInvoiceId());
  }

  @Test
  void aTrialEndsActiveWhenTheFirstInvoiceWasPaidAndCanceledWhenNot() {
    String m = Api.newMerchant();
    String customer = Upstream.customer(m, false);
    String plan = Upstream.plan(m, false, 2500, "month");
    JsonPath trialing =
        Api.asTest(m)
            .body(Map.of("customer_id", customer, "plan_id", plan, "trial_days", 14))
            .post("/v1/subscriptions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String id = trialing.getString("id");
    Instant trialStart = Instant.parse(trialing.getString("trial_start"));
    Instant trialEnd = Instant.parse(trialing.getString("trial_end"));
    assertThat(trialing.getString("status")).isEqualTo("trialing");
    assertThat(trialEnd).isEqualTo(trialStart.plus(Duration.ofDays(14)));
    assertThat(trialing.getString("latest_invoice.period_start")).isEqualTo(trialEnd.toString());
    assertThat(trialing.getString("latest_invoice.payment_url")).isNotNull();

    String invoice = trialing.getString("latest_invoice.id");
    Upstream.chargeSucceeded(
        m, Upstream.invoiceCharge(invoice, id, Ids.newId("pay"), "pm_card_visa", false));
    JsonPath paidAhead =
        Subscriptions.awaitState(m, id, s -> "paid".equals(s.getString("latest_invoice.status")));
    assertThat(paidAhead.getString("status")).isEqualTo("trialing");
    JsonPath active = Subscriptions.advanceTo(m, id, trialEnd.toString());
    assertThat(active.getString("status")).isEqualTo("active");
    assertThat(active.getString("current_period_start")).isEqualTo(trialEnd.toString());
    assertThat(active.getString("current_period_end"))
        .isEqualTo(trialEnd.atZone(ZoneOffset.UTC).plusMonths(1).toInstant().toString());

    JsonPath unpaid =
        Api.asTest(m)
            .body(Map.of("customer_id", customer, "plan_id", plan, "trial_days", 7))
            .post("/v1/subscriptions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath ended = Subscriptions.advanceSeconds(m, unpaid.getString("id"), 7L * 86_400);
    assertThat(ended.getString("status")).isEqualTo("canceled");
    assertThat(ended.getString("cancellation_reason")).isEqualTo("trial_ended_unpaid");
    assertThat(ended.getString("latest_invoice.status")).isEqualTo("void");
  }

  @Test
  void anIncompleteSubscriptionExpiresWhenItsFirstInvoiceStaysUnpaid() {
    String m = Api.newMerchant();
    JsonPath created =
        Subscriptions.create(m, Upstream.customer(m, false), Upstream.plan(m, false, 900, "day"));
    String id = created.getString("id");
    JsonPath stillOpen = Subscriptions.advanceSeconds(m, id, 22 * 3600);
    assertThat(stillOpen.getString("status")).isEqualTo("incomplete");
    try (BillingTopic topic = new BillingTopic()) {
      JsonPath expired = Subscriptions.advanceSeconds(m, id, 3600);
      assertThat(expired.getString("status")).isEqualTo("incomplete_expired");
      assertThat(expired.getString("latest_invoice.status")).isEqualTo("void");
      topic.await(
          "subscription.canceled", id, d -> "incomplete_expired".equals(d.path("status").asText()));
    }
  }

  @Test
  void aRedeliveredPaymentAndASecondPaymentOfAPaidInvoiceChangeNothing() {
    String m = Api.newMerchant();
    JsonPath created =
        Subscriptions.create(
            m, Upstream.customer(m, false), Upstream.plan(m, false, 4999, "month"));
    String id = created.getString("id");
    String invoice = created.getString("latest_invoice.id");
    Map<String, Object> charge =
        Upstream.invoiceCharge(invoice, id, Ids.newId("pay"), "pm_1", false);
    String eventId = Upstream.chargeSucceeded(m, charge);
    JsonPath active = Subscriptions.awaitStatus(m, id, "active");
    try (BillingTopic topic = new BillingTopic()) {
      // The same event again (a redelivery), then a second payment of the already paid invoice,
      // both on the same key so they are consumed in this order.
      TestEvents.publishWithId(
          Upstream.CHECKOUT,
          eventId,
          "payment_intent.succeeded",
          (String) charge.get("payment_intent_id"),
          m,
          false,
          Upstream.json(charge));
      Map<String, Object> second = new java.util.LinkedHashMap<>(charge);
      second.put("payment_id", Ids.newId("pay"));
      second.put("payment_method_id", "pm_2");
      String secondEvent = Upstream.chargeSucceeded(m, second);
      Upstream.awaitRow("select count(*) from inbox_event where event_id = ?", secondEvent);

      JsonPath after = Subscriptions.get(m, id);
      assertThat(after.getString("current_period_start"))
          .isEqualTo(active.getString("current_period_start"));
      assertThat(after.getString("default_payment_method")).isEqualTo("pm_1");
      assertThat(after.getString("latest_invoice.payment_id"))
          .isEqualTo(active.getString("latest_invoice.payment_id"));
      long paidEvents =
          topic.drain(invoice, Duration.ofMillis(500)).stream()
              .map(BillingTopic::type)
              .filter("invoice.paid"::equals)
              .count();
      assertThat(paidEvents).isEqualTo(1);
    }
  }
}
