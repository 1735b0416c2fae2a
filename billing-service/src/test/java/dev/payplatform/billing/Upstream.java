package dev.payplatform.billing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes to the real test topics what the other services would (catalog, payments, the edge,
 * checkout), in the payload shapes of docs/events/README.md, and waits for billing's read models
 * where a test needs them.
 */
final class Upstream {
  static final String CATALOG = "test.catalog.events";
  static final String PAYMENTS = "test.payments.events";
  static final String MERCHANTS = "test.merchants.events";
  static final String CHECKOUT = "test.checkout.events";
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Upstream() {}

  static String json(Map<String, ?> data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** customer.created, then waits until billing knows the customer. */
  static String customer(String merchantId, boolean live) {
    String id = Ids.newId("cus");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("object", "customer");
    d.put("email", "buyer@example.com");
    d.put("name", "Jane Buyer");
    d.put("description", null);
    d.put("phone", null);
    d.put("livemode", live);
    d.put("created_at", now());
    TestEvents.publish(CATALOG, "customer.created", id, merchantId, live, json(d));
    awaitRow("select count(*) from customer_record where id = ?", id);
    return id;
  }

  static String plan(String merchantId, boolean live, long amount, String interval) {
    String id = Ids.newId("plan");
    publishPlan(merchantId, live, id, amount, interval);
    awaitRow("select count(*) from plan_record where id = ?", id);
    return id;
  }

  static void publishPlan(
      String merchantId, boolean live, String id, long amount, String interval) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("object", "plan");
    d.put("product_id", Ids.newId("prod"));
    d.put("amount", amount);
    d.put("currency", "USD");
    d.put("interval", interval);
    d.put("interval_count", 1);
    d.put("nickname", "Pro monthly");
    d.put("livemode", live);
    d.put("created_at", now());
    TestEvents.publish(CATALOG, "plan.created", id, merchantId, live, json(d));
  }

  /** payment.created then payment.succeeded; waits until billing sees it completed. */
  static String completedPayment(String merchantId, boolean live, long amount) {
    String id = Ids.newId("pay");
    payment(merchantId, live, "payment.created", id, amount, "pending", null);
    payment(merchantId, live, "payment.succeeded", id, amount, "completed", null);
    awaitRow("select count(*) from payment_record where id = ? and status = 'completed'", id);
    return id;
  }

  static String payment(
      String merchantId,
      boolean live,
      String type,
      String id,
      long amount,
      String status,
      Long refundedTotal) {
    return payment(merchantId, live, type, id, amount, status, refundedTotal, Map.of());
  }

  /** ... with more fields of the event's data (late_success, say). */
  static String payment(
      String merchantId,
      boolean live,
      String type,
      String id,
      long amount,
      String status,
      Long refundedTotal,
      Map<String, Object> more) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("amount", amount);
    d.put("currency", "USD");
    d.put("amount_decimal", java.math.BigDecimal.valueOf(amount, 2).toPlainString());
    d.put("description", "Order");
    d.put("status", status);
    d.put("purpose", "payment");
    d.put("created_at", now());
    d.put("updated_at", now());
    if (refundedTotal != null) {
      d.put("refunded_total", refundedTotal);
      d.put("fully_refunded", refundedTotal == amount);
    }
    d.putAll(more);
    return TestEvents.publish(PAYMENTS, type, id, merchantId, live, json(d));
  }

  /** merchant.updated as the edge emits it; returns the event's ce_id. */
  static String merchant(String merchantId, String name, Instant updatedAt) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", merchantId);
    d.put("name", name);
    d.put("gateway_account_id", "acct_test");
    d.put("settlement_currency", "USD");
    d.put("created_at", updatedAt.toString());
    d.put("updated_at", updatedAt.toString());
    return TestEvents.publishWithId(
        MERCHANTS,
        "evt_" + java.util.UUID.randomUUID().toString().replace("-", ""),
        "merchant.updated",
        merchantId,
        merchantId,
        false,
        json(d));
  }

  /** A charge of an invoice, as checkout-service reports it (key = the payment intent). */
  static Map<String, Object> invoiceCharge(
      String invoiceId,
      String subscriptionId,
      String paymentId,
      String paymentMethodId,
      boolean offSession) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("payment_intent_id", Ids.newId("pi"));
    d.put("payment_id", paymentId);
    d.put("purpose", "invoice");
    d.put("reference", invoiceId);
    d.put("invoice_id", invoiceId);
    d.put("subscription_id", subscriptionId);
    d.put("payment_link_id", null);
    d.put("session_id", null);
    d.put("amount", 4999);
    d.put("currency", "USD");
    d.put("card", Map.of("brand", "visa", "last4", "4242"));
    d.put("payment_method_id", paymentMethodId);
    d.put("off_session", offSession);
    return d;
  }

  static String chargeSucceeded(String merchantId, Map<String, Object> charge) {
    Map<String, Object> d = new LinkedHashMap<>(charge);
    d.put("succeeded_at", now());
    return TestEvents.publish(
        CHECKOUT,
        "payment_intent.succeeded",
        (String) d.get("payment_intent_id"),
        merchantId,
        false,
        json(d));
  }

  static String chargeFailed(String merchantId, Map<String, Object> charge, String reason) {
    Map<String, Object> d = new LinkedHashMap<>(charge);
    d.put("decline_reason", reason);
    d.put("failure_message", "The card was declined.");
    d.put("attempts", 1);
    return TestEvents.publish(
        CHECKOUT,
        "payment_intent.payment_failed",
        (String) d.get("payment_intent_id"),
        merchantId,
        false,
        json(d));
  }

  static String refundOutcome(
      String merchantId, boolean live, String refundId, String paymentId, long amount, boolean ok) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("refund_id", refundId);
    d.put("payment_id", paymentId);
    d.put("amount", amount);
    d.put("currency", "USD");
    if (!ok) {
      d.put("failure_reason", "processor_unavailable");
    }
    return TestEvents.publish(
        CHECKOUT, ok ? "refund.succeeded" : "refund.failed", refundId, merchantId, live, json(d));
  }

  static void awaitRow(String countSql, Object... args) {
    await().atMost(WAIT).until(() -> Db.count(countSql, args) >= 1);
  }
}
