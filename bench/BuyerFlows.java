import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The buyer's whole flow through the edge, as many buyers at once: a checkout session (merchant's
 * secret key), its payment intent, a confirmation with the sandbox's 4242 card, then the merchant's
 * {@code GET /v1/payments/{id}} polled until it says {@code completed}. Run with the JDK alone:
 *
 * <pre>java bench/BuyerFlows.java BASE_URL SK_TEST SECONDS BUYERS RATE_PER_S IDS_FILE [webhooks]</pre>
 *
 * RATE_PER_S 0 means as fast as the buyers go (saturation); otherwise flow starts are paced to that
 * rate. Prints one line of key=value figures; writes the completed payment ids to IDS_FILE.
 *
 * <p>With {@code webhooks} the merchant learns of the payment as a merchant that uses webhooks
 * does, instead of polling: the run listens on a loopback port, registers a webhook endpoint for
 * {@code payment.succeeded} with the key (deleted at the end), verifies each delivery's Standard
 * Webhooks signature, and a flow ends when its payment's event arrives. The merchant's polling is
 * then no part of the flow's cost (docs/benchmarks.md, C2).
 */
public class BuyerFlows {
  private static final Pattern FIELD = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\"([^\"]*)\"");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String key = args[1];
    long seconds = Long.parseLong(args[2]);
    int buyers = Integer.parseInt(args[3]);
    double rate = Double.parseDouble(args[4]);
    Path idsFile = Path.of(args[5]);
    boolean webhooks = args.length > 6 && args[6].equals("webhooks");

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ConcurrentLinkedQueue<Long> confirmNanos = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> flowNanos = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> visibleNanos = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> completed = new ConcurrentLinkedQueue<>();
    AtomicLong failures = new AtomicLong();
    AtomicLong started = new AtomicLong();
    Webhooks hooks = webhooks ? Webhooks.register(http, base, key) : null;
    long t0 = System.nanoTime();
    long end = t0 + Duration.ofSeconds(seconds).toNanos();

    List<Thread> threads = new ArrayList<>();
    for (int b = 0; b < buyers; b++) {
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  long n = started.getAndIncrement();
                  if (rate > 0) {
                    long at = t0 + (long) (n * 1e9 / rate);
                    long wait = at - System.nanoTime();
                    if (wait > 0) {
                      sleepNanos(wait);
                    }
                  }
                  if (System.nanoTime() >= end) {
                    return;
                  }
                  try {
                    long f0 = System.nanoTime();
                    String session =
                        field(
                            post(
                                http,
                                base + "/v1/payments/session",
                                key,
                                "{\"amount\":\"10.00\",\"currency\":\"USD\",\"description\":"
                                    + "\"Bench order\",\"items\":[\"Widget\"],\"return_url\":"
                                    + "\"https://shop.example.com/thanks\"}",
                                201),
                            "session_id");
                    String intent =
                        post(
                            http,
                            base + "/v1/payments/intent",
                            null,
                            "{\"session_id\":\"" + session + "\"}",
                            201);
                    long c0 = System.nanoTime();
                    String confirmed =
                        post(
                            http,
                            base
                                + "/v1/payments/intent/"
                                + field(intent, "payment_intent_id")
                                + "/confirm",
                            null,
                            "{\"client_secret\":\""
                                + field(intent, "client_secret")
                                + "\",\"card_number\":\"4242424242424242\",\"exp_month\":12,"
                                + "\"exp_year\":2034,\"cvc\":\"123\",\"cardholder_name\":"
                                + "\"Bench Buyer\",\"email\":\"buyer@example.com\"}",
                            200);
                    long c1 = System.nanoTime();
                    confirmNanos.add(c1 - c0);
                    String paymentId = field(confirmed, "payment_id");
                    if (hooks != null) {
                      hooks.awaitSucceeded(paymentId, Duration.ofSeconds(30));
                    } else {
                      while (!"completed"
                          .equals(field(get(http, base, key, paymentId), "status"))) {
                        if (System.nanoTime() - c1 > Duration.ofSeconds(30).toNanos()) {
                          throw new IllegalStateException(paymentId + " not completed in 30 s");
                        }
                        sleepNanos(Duration.ofMillis(50).toNanos());
                      }
                    }
                    long f1 = System.nanoTime();
                    visibleNanos.add(f1 - c1);
                    flowNanos.add(f1 - f0);
                    completed.add(paymentId);
                  } catch (Exception e) {
                    if (failures.incrementAndGet() <= 3) {
                      System.err.println("flow failed: " + e.getMessage());
                    }
                  }
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    if (hooks != null) {
      hooks.close();
      if (hooks.badSignatures.get() > 0) {
        failures.addAndGet(hooks.badSignatures.get());
        System.err.println(hooks.badSignatures.get() + " deliveries with a bad signature");
      }
    }
    Files.write(idsFile, completed);
    System.out.printf(
        Locale.ROOT,
        "flows=%d failures=%d flows_per_s=%.1f confirm_p50_ms=%.1f confirm_p99_ms=%.1f"
            + " flow_p50_ms=%.1f flow_p99_ms=%.1f visible_p50_ms=%.1f visible_p99_ms=%.1f%n",
        completed.size(),
        failures.get(),
        completed.size() / elapsed,
        percentile(confirmNanos, 50),
        percentile(confirmNanos, 99),
        percentile(flowNanos, 50),
        percentile(flowNanos, 99),
        percentile(visibleNanos, 50),
        percentile(visibleNanos, 99));
  }

  /** The merchant's webhook receiver: one endpoint, its signatures checked, flows waiting on it. */
  private static final class Webhooks {
    private final HttpServer server;
    private final HttpClient http;
    private final String base;
    private final String key;
    private final String endpointId;
    private final byte[] secret;
    private final Map<String, CompletableFuture<Void>> succeeded = new ConcurrentHashMap<>();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Webhooks(HttpServer server, HttpClient http, String base, String key, String created) {
      this.server = server;
      this.http = http;
      this.base = base;
      this.key = key;
      this.endpointId = field(created, "id");
      this.secret = Base64.getDecoder().decode(field(created, "secret").substring(6));
    }

    static Webhooks register(HttpClient http, String base, String key) throws Exception {
      // Without it the JDK server's separate header and body writes meet the client's delayed ACK.
      System.setProperty("sun.net.httpserver.nodelay", "true");
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
      server.setExecutor(Executors.newFixedThreadPool(4));
      String created =
          post(
              http,
              base + "/v1/webhook_endpoints",
              key,
              "{\"url\":\"http://127.0.0.1:"
                  + server.getAddress().getPort()
                  + "/hooks\",\"enabled_events\":[\"payment.succeeded\"],"
                  + "\"description\":\"bench/BuyerFlows\"}",
              200);
      Webhooks hooks = new Webhooks(server, http, base, key, created);
      server.createContext("/hooks", exchange -> hooks.receive(exchange));
      server.start();
      // A run stopped early (bench/run interrupted) still deletes its endpoint: left behind, its
      // deliveries would fail and retry against a closed port, inflating later runs' figures.
      Runtime.getRuntime().addShutdownHook(new Thread(hooks::closeQuietly));
      return hooks;
    }

    private void receive(HttpExchange exchange) throws IOException {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String id = exchange.getRequestHeaders().getFirst("webhook-id");
      String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
      String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
      int status = 200;
      if (id == null || timestamp == null || signatures == null
          || !signed(id, timestamp, body, signatures)) {
        badSignatures.incrementAndGet();
        status = 400;
      } else {
        String json = new String(body, StandardCharsets.UTF_8);
        if ("payment.succeeded".equals(field(json, "type"))) {
          waiter(field(json, "subject")).complete(null);
        }
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    }

    private boolean signed(String id, String timestamp, byte[] body, String signatures) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        for (String signature : signatures.split(" ")) {
          if (signature.startsWith("v1,")
              && MessageDigest.isEqual(
                  expected, Base64.getDecoder().decode(signature.substring(3)))) {
            return true;
          }
        }
        return false;
      } catch (Exception e) {
        return false;
      }
    }

    private CompletableFuture<Void> waiter(String paymentId) {
      return succeeded.computeIfAbsent(paymentId, id -> new CompletableFuture<>());
    }

    /** The delivery may come before the flow asks: whichever is first makes the waiter. */
    void awaitSucceeded(String paymentId, Duration within) throws Exception {
      try {
        waiter(paymentId).get(within.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new IllegalStateException(paymentId + ": no payment.succeeded within " + within);
      } finally {
        succeeded.remove(paymentId);
      }
    }

    void closeQuietly() {
      try {
        close();
      } catch (Exception e) {
        System.err.println("could not delete webhook endpoint " + endpointId + ": " + e);
      }
    }

    void close() throws Exception {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      http.send(
          keyed(base + "/v1/webhook_endpoints/" + endpointId, key).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdown();
    }
  }

  private static String post(HttpClient http, String url, String key, String body, int expected)
      throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      req.header("X-Api-Key", key);
    }
    HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != expected) {
      throw new IllegalStateException(url + " answered " + res.statusCode() + ": " + res.body());
    }
    return res.body();
  }

  private static String get(HttpClient http, String base, String key, String paymentId)
      throws Exception {
    return http.send(
            keyed(base + "/v1/payments/" + paymentId, key).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** A request to the edge with the merchant's secret key. */
  private static HttpRequest.Builder keyed(String url, String key) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("X-Api-Key", key);
  }

  private static String field(String json, String name) {
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    return null;
  }

  private static double percentile(ConcurrentLinkedQueue<Long> nanos, int p) {
    List<Long> sorted = new ArrayList<>(nanos);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
