package dev.payplatform.acquirer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The host's operator-only control, on the loopback interface (docs/connectors.md, the acquirer
 * host):
 *
 * <ul>
 *   <li>{@code GET /health};
 *   <li>{@code POST /faults} {@code {"delay_ms": 30000, "drop_answers": false}}, {@code DELETE
 *       /faults};
 *   <li>{@code POST /connections/close}, {@code /connections/refuse}, {@code /connections/accept};
 *   <li>{@code GET /transactions}, {@code GET /journal}: the acquirer's record;
 *   <li>{@code POST /settlement/YYYY-MM-DD}: writes that day's report and answers its lines.
 *   <li>{@code POST /settlement/exceptions} {@code {"rrn", "omit" | "amount"}}: leaves a
 *       transaction out of its report, or settles it at another amount.
 *   <li>{@code POST /settlement/extra} {@code {"business_day"?, "terminal_id", "card_acceptor_id",
 *       "amount", "currency"}}: settles a charge no platform sent.
 * </ul>
 */
public final class AdminApi implements AutoCloseable {
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final AcquirerHost host;
  private final HttpServer server;

  public AdminApi(AcquirerHost host, String bindAddress, int port) throws IOException {
    this.host = host;
    this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(2));
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String method = x.getRequestMethod();
      String path = x.getRequestURI().getPath();
      Object answer = route(method, path, x);
      if (answer == null) {
        send(x, 404, Map.of("error", "no such operation: " + method + " " + path));
      } else {
        send(x, 200, answer);
      }
    } catch (IllegalArgumentException e) {
      send(x, 400, Map.of("error", e.getMessage()));
    } catch (RuntimeException e) {
      send(x, 500, Map.of("error", String.valueOf(e)));
    }
  }

  private Object route(String method, String path, HttpExchange x) throws IOException {
    switch (method + " " + path) {
      case "GET /health":
        return Map.of("status", "UP", "iso_port", host.port(), "accepting", host.accepting());
      case "POST /faults":
        JsonNode body = json.readTree(x.getRequestBody());
        host.faults()
            .set(body.path("delay_ms").asLong(0), body.path("drop_answers").asBoolean(false));
        return faults();
      case "DELETE /faults":
        host.faults().clear();
        return faults();
      case "GET /faults":
        return faults();
      case "POST /connections/close":
        host.closeConnections();
        return Map.of("closed", true);
      case "POST /connections/refuse":
        host.refuseConnections();
        return Map.of("accepting", false);
      case "POST /connections/accept":
        host.acceptConnections();
        return Map.of("accepting", true);
      case "GET /transactions":
        return host.record().transactions();
      case "GET /journal":
        return host.record().journal();
      case "POST /settlement/exceptions":
        JsonNode change = json.readTree(x.getRequestBody());
        return host.settlementExceptions()
            .set(
                change.path("rrn").asText(),
                change.path("omit").asBoolean(false),
                change.hasNonNull("amount") ? change.get("amount").asLong() : null);
      case "POST /settlement/extra":
        JsonNode extra = json.readTree(x.getRequestBody());
        return host.settlementExceptions()
            .extraCharge(
                extra.hasNonNull("business_day") ? day(extra.get("business_day").asText()) : null,
                extra.path("terminal_id").asText(null),
                extra.path("card_acceptor_id").asText(null),
                extra.path("amount").asLong(0),
                extra.path("currency").asText(null));
      default:
        if ("POST".equals(method) && path.startsWith("/settlement/")) {
          LocalDate day = day(path.substring("/settlement/".length()));
          return Map.of(
              "file", host.settlement().write(day).toString(),
              "lines", host.settlement().lines(day));
        }
        return null;
    }
  }

  private Map<String, Object> faults() {
    return Map.of(
        "delay_ms", host.faults().delayMillis(), "drop_answers", host.faults().dropAnswers());
  }

  private static LocalDate day(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the business day must be YYYY-MM-DD");
    }
  }

  private void send(HttpExchange x, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
