package dev.payplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Merchants creating hosted payments and buyers paying them, as fast as a few clients go, through
 * the edge: {@code POST /v1/payments/}, the checkout page's intent, then the confirmation with a
 * card that succeeds. Every answer is recorded, so a fault scenario can check what the platform
 * said while it was broken and which payments it promised (confirm answered 200).
 */
final class BuyerTraffic implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One HTTP answer (or none: {@code status} 0 with the exception's text). */
  record Answer(String step, int status, String retryAfter, String body) {
    boolean documented503() {
      if (status != 503 || retryAfter == null || retryAfter.isBlank()) {
        return false;
      }
      try {
        JsonNode b = JSON.readTree(body);
        return b.path("code").asInt() == 503
            && b.hasNonNull("title")
            && b.hasNonNull("content")
            && b.hasNonNull("type");
      } catch (IOException notJson) {
        return false;
      }
    }

    @Override
    public String toString() {
      String shown = body == null ? "" : body.substring(0, Math.min(200, body.length()));
      return step + " → " + status + " " + shown;
    }
  }

  private final String apiKey;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
  private final Map<String, Boolean> confirmed = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> buyers = new ArrayList<>();

  BuyerTraffic(Platform.Merchant merchant) {
    this(merchant.skTest());
  }

  private BuyerTraffic(String apiKey) {
    this.apiKey = apiKey;
  }

  /** Live buyers: the merchant's live key, so every charge goes to the acquirer host. */
  static BuyerTraffic live(Platform.Merchant merchant) {
    return new BuyerTraffic(merchant.skLive());
  }

  /** Starts {@code clients} merchant+buyer loops. */
  BuyerTraffic start(int clients) {
    running.set(true);
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(this::loop, "buyer-" + i);
      t.setDaemon(true);
      t.start();
      buyers.add(t);
    }
    return this;
  }

  /** Stops the loops and waits for each to finish its current payment. */
  void stop() {
    running.set(false);
    for (Thread t : buyers) {
      try {
        t.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    buyers.clear();
  }

  /** Forgets what was recorded (the loops go on). */
  void reset() {
    answers.clear();
    created.clear();
    confirmed.clear();
  }

  List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** How many answers came with each HTTP status (0: no answer at all), in status order. */
  Map<Integer, Long> answersByStatus() {
    return answers().stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                Answer::status, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
  }

  /** Payments whose confirmation answered 200: the platform promised the buyer these. */
  List<String> confirmedPayments() {
    return List.copyOf(confirmed.keySet());
  }

  List<String> createdPayments() {
    return List.copyOf(created);
  }

  /** One payment paid from start to end, outside the loops; its id, or null if any step failed. */
  String payOnce() {
    JsonNode payment =
        call(
            "create payment",
            post(
                    "/v1/payments/",
                    "{\"amount\":\"12.34\",\"description\":\"Fault suite order\",\"currency\":\"USD\","
                        + "\"items\":[\"Widget\"],\"return_url\":\"https://example.com/thanks\"}")
                .header("X-Api-Key", apiKey)
                .build(),
            202);
    if (payment == null) {
      return null;
    }
    String paymentId = payment.path("data").path("id_payment").asText();
    created.add(paymentId);
    URI redirect = URI.create(payment.path("data").path("redirect").asText());
    JsonNode intent =
        call(
            "checkout page intent",
            post(redirect.getRawPath() + "/intent?" + redirect.getRawQuery(), "").build(),
            201);
    if (intent == null) {
      return null;
    }
    String body =
        "{\"client_secret\":\""
            + intent.path("client_secret").asText()
            + "\",\"card_number\":\""
            + Cards.VISA
            + "\",\"exp_month\":12,\"exp_year\":2034,\"cvc\":\""
            + Cards.CVC
            + "\",\"cardholder_name\":\"Ada Buyer\",\"email\":\"buyer@example.com\"}";
    JsonNode confirmation =
        call(
            "confirm",
            post(
                    "/v1/payments/intent/" + intent.path("payment_intent_id").asText() + "/confirm",
                    body)
                .build(),
            200);
    if (confirmation == null) {
      return null;
    }
    confirmed.put(paymentId, Boolean.TRUE);
    return paymentId;
  }

  private void loop() {
    while (running.get()) {
      // Buyers at a steady pace, not a load test: a few payments a second per client, so the
      // backlog a fault leaves is what real traffic would leave. A failed step: a new order a
      // moment later.
      sleep(payOnce() == null ? 300 : 150);
    }
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(Platform.url(path)))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  /** Sends, records the answer, and returns the body when the status is {@code expected}. */
  private JsonNode call(String step, HttpRequest request, int expected) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      answers.add(
          new Answer(
              step, r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), r.body()));
      return r.statusCode() == expected ? JSON.readTree(r.body()) : null;
    } catch (IOException e) {
      answers.add(new Answer(step, 0, null, e.toString()));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
