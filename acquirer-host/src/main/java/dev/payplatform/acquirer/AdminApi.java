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
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The host's operator-only control, on the loopback interface (docs/connectors.md, the acquirer
 * host):
 *
 * <ul>
 *   <li>{@code GET /health};
 *   <li>{@code POST /faults} {@code {"delay_ms": 30000, "drop_answers": false}}, {@code DELETE
 *       /faults};
 *   <li>{@code POST /connections/close}, {@code /connections/refuse}, {@code /connections/accept};
 *   <li>{@code GET /transactions}, {@code GET /journal}: the acquirer's record, all of it or
 *       ({@code ?card_acceptor_id=}) one card acceptor's (DE 42, compared without its padding);
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
        return ofCardAcceptor(
            host.record().transactions(), HostTransaction::cardAcceptorId, x.getRequestURI());
      case "GET /journal":
        return ofCardAcceptor(
            host.record().journal(), JournaledMessage::cardAcceptorId, x.getRequestURI());
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

  /**
   * The rows of the card acceptor the query names ({@code card_acceptor_id}), or all of them. A
   * record grows with every payment a platform sends, so a test or an operator asks for its own.
   */
  private static <T> List<T> ofCardAcceptor(
      List<T> rows, Function<T, String> cardAcceptorOf, URI uri) {
    String wanted = queryParameter(uri, "card_acceptor_id");
    if (wanted == null) {
      return rows;
    }
    String id = wanted.strip();
    return rows.stream()
        .filter(r -> cardAcceptorOf.apply(r) != null && id.equals(cardAcceptorOf.apply(r).strip()))
        .toList();
  }

  private static String queryParameter(URI uri, String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
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

  /** Streams the answer (chunked): a whole record is never held as one string in the heap. */
  private void send(HttpExchange x, int status, Object body) throws IOException {
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, 0);
    try (OutputStream out = x.getResponseBody()) {
      json.writeValue(out, body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
