package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One trace per request, across processes and Kafka: a caller's W3C traceparent goes through the
 * edge to the owning service, is stored with the outbox row, published by the relay as the record's
 * header, continued by every consumer and by the webhook attempt. The local platform logs each span
 * of a sampled trace as a JSON line in its service's log (docs/operations.md, "Traces").
 */
class TracingIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> SERVICES =
      List.of(
          "gateway-adapter",
          "checkout-service",
          "payments-service",
          "catalog-service",
          "billing-service",
          "events-service");
  private static final Pattern SPAN =
      Pattern.compile("span \"(?<name>[^\"]*)\" (?<kind>[a-z]+) (?<ms>[0-9.]+) ms.*");

  private static final Pattern SQL = Pattern.compile("(SELECT|INSERT|UPDATE|DELETE|WITH)\\b");

  /** A span as its service logged it. */
  record LoggedSpan(
      String service, String name, String kind, double ms, String id, String parent) {}

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The JSON lines of every service's log, written since {@code from}, that carry the trace. */
  private static Map<String, List<JsonNode>> linesOf(String traceId, Map<String, Long> from)
      throws IOException {
    Map<String, List<JsonNode>> lines = new HashMap<>();
    for (String service : SERVICES) {
      List<JsonNode> mine = new ArrayList<>();
      for (JsonNode json : ServiceLogs.linesSince(service, from.get(service), traceId)) {
        if (traceId.equals(json.path("mdc").path("traceId").asText())) {
          mine.add(json);
        }
      }
      lines.put(service, mine);
    }
    return lines;
  }

  private static List<LoggedSpan> spans(Map<String, List<JsonNode>> lines) {
    List<LoggedSpan> spans = new ArrayList<>();
    lines.forEach(
        (service, list) -> {
          for (JsonNode line : list) {
            Matcher m = SPAN.matcher(line.path("message").asText());
            if (line.path("loggerName").asText().endsWith("SpanLog") && m.matches()) {
              JsonNode mdc = line.path("mdc");
              spans.add(
                  new LoggedSpan(
                      service,
                      m.group("name"),
                      m.group("kind"),
                      Double.parseDouble(m.group("ms")),
                      mdc.path("spanId").asText(),
                      mdc.path("parentId").asText()));
            }
          }
        });
    return spans;
  }

  private static Optional<LoggedSpan> find(
      List<LoggedSpan> spans, String service, String name, String parent) {
    return spans.stream()
        .filter(s -> s.service().equals(service) && s.name().equals(name))
        .filter(s -> parent == null || s.parent().equals(parent))
        .findFirst();
  }

  /**
   * The payment's creation and confirmation, span by span: edge -> payments and its relay; edge ->
   * checkout -> relay -> payments' consumer -> relay -> the event log's consumer -> webhook.
   */
  private static void paymentChain(
      List<LoggedSpan> spans, String createCaller, String confirmCaller) {
    // Creation: the caller's span -> the edge's server span -> its client span -> payments.
    LoggedSpan edgeCreate =
        find(spans, "gateway-adapter", "POST /v1/payments/", createCaller).orElseThrow();
    assertThat(edgeCreate.kind()).isEqualTo("server");
    LoggedSpan edgeCall =
        spans.stream()
            .filter(s -> s.service().equals("gateway-adapter") && s.kind().equals("client"))
            .filter(s -> s.parent().equals(edgeCreate.id()))
            .findFirst()
            .orElseThrow();
    LoggedSpan paymentsCreate =
        find(spans, "payments-service", "POST /v1/payments", edgeCall.id()).orElseThrow();
    assertThat(find(spans, "payments-service", "payments.events publish", paymentsCreate.id()))
        .as("the relay publishes payment.created in the request's trace")
        .isPresent();

    // Confirmation and completion: checkout's confirm -> its relay -> payments' consumer -> its
    // relay -> the event log's consumer -> the webhook attempt.
    LoggedSpan edgeConfirm =
        find(spans, "gateway-adapter", "POST /v1/payments/intent/{id}/confirm", confirmCaller)
            .orElseThrow();
    LoggedSpan confirm =
        spans.stream()
            .filter(s -> s.name().equals("POST /v1/payments/intent/{intentId}/confirm"))
            .findFirst()
            .orElseThrow();
    assertThat(confirm.service()).isEqualTo("checkout-service");
    assertThat(
            spans.stream()
                .filter(s -> s.id().equals(confirm.parent()))
                .map(LoggedSpan::parent)
                .findFirst())
        .as("checkout's span is a child of the edge's client span, itself the edge's child")
        .contains(edgeConfirm.id());
    List<String> checkoutPublishes =
        spans.stream()
            .filter(s -> s.name().equals("checkout.events publish"))
            .filter(s -> s.parent().equals(confirm.id()))
            .map(LoggedSpan::id)
            .toList();
    assertThat(checkoutPublishes).isNotEmpty();
    LoggedSpan completion =
        spans.stream()
            .filter(s -> s.service().equals("payments-service") && s.kind().equals("consumer"))
            .filter(s -> checkoutPublishes.contains(s.parent()))
            .findFirst()
            .orElseThrow();
    List<String> paymentsPublishes =
        spans.stream()
            .filter(s -> s.name().equals("payments.events publish"))
            .filter(s -> s.parent().equals(completion.id()))
            .map(LoggedSpan::id)
            .toList();
    assertThat(paymentsPublishes).as("payment.succeeded, published in the trace").isNotEmpty();
    List<String> logged =
        spans.stream()
            .filter(s -> s.name().equals("events-log process"))
            .filter(s -> paymentsPublishes.contains(s.parent()))
            .map(LoggedSpan::id)
            .toList();
    assertThat(logged).isNotEmpty();
    LoggedSpan webhook = find(spans, "events-service", "webhook deliver", null).orElseThrow();
    assertThat(logged)
        .as("the webhook attempt continues the event's trace")
        .contains(webhook.parent());
  }

  /** The trace as a tree, for the build log: service, kind, duration, name (SQL spans counted). */
  private static void print(List<LoggedSpan> spans) {
    Map<String, List<LoggedSpan>> children = new HashMap<>();
    Map<String, LoggedSpan> byId = new HashMap<>();
    spans.forEach(x -> byId.put(x.id(), x));
    spans.forEach(x -> children.computeIfAbsent(x.parent(), k -> new ArrayList<>()).add(x));
    spans.stream()
        .filter(x -> !byId.containsKey(x.parent()))
        .forEach(root -> print(root, children, 0));
  }

  private static void print(LoggedSpan span, Map<String, List<LoggedSpan>> children, int depth) {
    List<LoggedSpan> below = children.getOrDefault(span.id(), List.of());
    long sql = below.stream().filter(x -> SQL.matcher(x.name()).lookingAt()).count();
    System.out.printf(
        "%s%-16s %-8s %8.1f ms  %s%s%n",
        "  ".repeat(depth),
        span.service(),
        span.kind(),
        span.ms(),
        span.name(),
        sql == 0 ? "" : "  (+" + sql + " SQL)");
    below.stream()
        .filter(x -> !SQL.matcher(x.name()).lookingAt())
        .sorted(Comparator.comparing(LoggedSpan::service).thenComparing(LoggedSpan::name))
        .forEach(x -> print(x, children, depth + 1));
  }

  /** Whether {@code span} is a descendant of the span {@code ancestorId}. */
  private static boolean descends(List<LoggedSpan> spans, LoggedSpan span, String ancestorId) {
    Map<String, String> parents = new HashMap<>();
    spans.forEach(x -> parents.put(x.id(), x.parent()));
    String at = span.parent();
    for (int hops = 0; at != null && hops < 100; hops++) {
      if (at.equals(ancestorId)) {
        return true;
      }
      at = parents.get(at);
    }
    return false;
  }

  private static RequestSpecification traced(String traceId, String callerSpan) {
    return given()
        .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
        .contentType("application/json");
  }

  @Test
  void aPaidAndRefundedPaymentIsOneTraceFromTheEdgeThroughServicesKafkaConsumersAndWebhook()
      throws Exception {
    Platform.Merchant m = Platform.newMerchant("Traced Store");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      WebhooksEndToEndIT.endpoint(m.skTest(), receiver.url(), List.of("payment.succeeded"));
      Map<String, Long> from = ServiceLogs.sizes(SERVICES);
      String traceId = hex(16);
      String createCaller = hex(8);
      String confirmCaller = hex(8);

      // The merchant creates the payment, the buyer's page opens it and confirms with a card: three
      // requests whose caller passes one trace on, as a traced storefront would.
      JsonPath created =
          traced(traceId, createCaller)
              .header("X-Api-Key", m.skTest())
              .body(
                  Map.of(
                      "amount", "12.34",
                      "currency", "USD",
                      "description", "Traced order",
                      "items", List.of("Widget"),
                      "return_url", "https://example.com/thanks"))
              .post(url("/v1/payments/"))
              .then()
              .statusCode(202)
              .extract()
              .jsonPath();
      URI redirect = URI.create(created.getString("data.redirect"));
      JsonPath intent =
          traced(traceId, hex(8))
              .post(url(redirect.getRawPath() + "/intent?" + redirect.getRawQuery()))
              .then()
              .statusCode(201)
              .extract()
              .jsonPath();
      traced(traceId, confirmCaller)
          .body(
              Map.of(
                  "client_secret",
                  intent.getString("client_secret"),
                  "card_number",
                  Cards.VISA,
                  "exp_month",
                  12,
                  "exp_year",
                  2034,
                  "cvc",
                  Cards.CVC,
                  "cardholder_name",
                  "Ada Buyer",
                  "email",
                  "buyer@example.com"))
          .post(url("/v1/payments/intent/" + intent.getString("payment_intent_id") + "/confirm"))
          .then()
          .statusCode(200);

      // Each service exports its spans in its own batches: wait until the whole chain is there
      // (a span not logged yet is a missing Optional until then).
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptionsInstanceOf(NoSuchElementException.class)
          .untilAsserted(
              () -> paymentChain(spans(linesOf(traceId, from)), createCaller, confirmCaller));
      await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
      assertThat(receiver.received().get(0).header("traceparent"))
          .as("our trace ids are not sent to the merchant's endpoint")
          .isNull();

      // A refund of the payment, passed the same trace: billing takes it, checkout refunds the
      // charge, payments records it, each through Kafka.
      String refundCaller = hex(8);
      String paymentId = created.getString("data.id_payment");
      await()
          .atMost(WAIT)
          .until(
              () ->
                  traced(traceId, refundCaller)
                      .header("X-Api-Key", m.skTest())
                      .body(Map.of("payment_id", paymentId, "amount", 500))
                      .post(url("/v1/refunds"))
                      .statusCode(),
              status -> status == 200 || status == 201);
      List<LoggedSpan> withRefund =
          await()
              .atMost(WAIT)
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () -> spans(linesOf(traceId, from)),
                  all -> {
                    Optional<LoggedSpan> refund =
                        all.stream()
                            .filter(x -> x.name().equals("POST /v1/refunds"))
                            .filter(x -> x.parent().equals(refundCaller))
                            .reduce((first, last) -> last);
                    return refund.isPresent()
                        && all.stream()
                            .anyMatch(
                                x ->
                                    x.service().equals("payments-service")
                                        && x.kind().equals("consumer")
                                        && descends(all, x, refund.get().id()));
                  });
      assertThat(withRefund)
          .anyMatch(
              x -> x.service().equals("billing-service") && x.name().equals("POST /v1/refunds"));
      print(withRefund);

      // The consumer's own log lines carry the event's merchant and mode, as the request's did.
      JsonNode completed =
          linesOf(traceId, from).get("payments-service").stream()
              .filter(l -> l.path("message").asText().contains("-> completed"))
              .findFirst()
              .orElseThrow();
      assertThat(completed.path("mdc").path("merchantId").asText()).isEqualTo(m.id());
      assertThat(completed.path("mdc").path("mode").asText()).isEqualTo("test");
      assertThat(completed.path("mdc").path("requestId").asText()).startsWith("req_");
    }
  }

  @Test
  void anUntracedRequestsLogLinesCarryItsTraceIdUnsampled() throws Exception {
    Platform.Merchant m = Platform.newMerchant("Untraced Store");
    // Groups of at most 12 hex digits: never the 13-digit run a request id may not carry.
    String requestId = "e2e-trace-" + UUID.randomUUID().toString().replace("-", "-x");
    Map<String, Long> from = ServiceLogs.sizes(SERVICES);
    given()
        .header("X-Api-Key", m.skTest())
        .header("X-Request-Id", requestId)
        .contentType("application/json")
        .body(
            Map.of(
                "amount", "12.00",
                "currency", "USD",
                "description", "Untraced",
                "items", List.of("Log line"),
                "return_url", "https://example.com/done"))
        .post(url("/v1/payments/session"))
        .then()
        .statusCode(201);
    // checkout's request log line: the edge started a trace the local platform does not record
    // (no caller asked), and the line still names it, to match against other lines.
    JsonNode line =
        await()
            .atMost(WAIT)
            .until(() -> lineWithRequestId(from, requestId), Optional::isPresent)
            .orElseThrow();
    assertThat(line.path("mdc").path("traceId").asText()).matches("[0-9a-f]{32}");
    assertThat(line.path("mdc").path("sampled").asText()).isEqualTo("false");
    assertThat(line.path("mdc").path("merchantId").asText()).isEqualTo(m.id());
  }

  private static Optional<JsonNode> lineWithRequestId(Map<String, Long> from, String requestId)
      throws IOException {
    for (String service : SERVICES) {
      for (JsonNode json : ServiceLogs.linesSince(service, from.get(service), requestId)) {
        if (json.path("mdc").has("traceId")) {
          return Optional.of(json);
        }
      }
    }
    return Optional.empty();
  }
}
