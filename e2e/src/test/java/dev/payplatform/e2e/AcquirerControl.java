package dev.payplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The acquirer host's operator control (127.0.0.1:8584, docs/connectors.md): its record of every
 * transaction, the acquirer's truth the tests compare the platform with, and the faults.
 */
final class AcquirerControl {
  static final int ISO_PORT = 8583;
  private static final String URL = "http://127.0.0.1:8584";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private AcquirerControl() {}

  /** One transaction as the acquirer keeps it. */
  record Transaction(
      String rrn,
      String type,
      String cardAcceptorId,
      long amount,
      String responseCode,
      String authorizationCode,
      String status,
      String originalRrn) {
    boolean approvedPurchase() {
      return "purchase".equals(type) && authorizationCode != null;
    }
  }

  /** The acquirer's transactions for one card acceptor (one gateway account). */
  static List<Transaction> transactions(String cardAcceptorId) {
    List<Transaction> mine = new ArrayList<>();
    for (JsonNode t :
        call("GET", "/transactions?card_acceptor_id=" + query(cardAcceptorId), null)) {
      if (cardAcceptorId.equals(t.path("cardAcceptorId").asText().strip())) {
        mine.add(
            new Transaction(
                t.path("rrn").asText(),
                t.path("type").asText(),
                t.path("cardAcceptorId").asText().strip(),
                t.path("amount").asLong(),
                t.path("responseCode").asText(),
                t.path("authorizationCode").isNull() ? null : t.path("authorizationCode").asText(),
                t.path("status").asText(),
                t.path("originalRrn").isNull() ? null : t.path("originalRrn").asText()));
      }
    }
    return mine;
  }

  /** A request the host received: its RRN, DE 22 and DE 48's stored-credential subelements. */
  record Request(String mti, String rrn, String posEntryMode, String storedCredential) {}

  /** The 0200 purchases the host received for one card acceptor, in order. */
  static List<Request> purchasesReceived(String cardAcceptorId) {
    List<Request> mine = new ArrayList<>();
    for (JsonNode m : call("GET", "/journal?card_acceptor_id=" + query(cardAcceptorId), null)) {
      if ("in".equals(m.path("direction").asText())
          && "0200".equals(m.path("mti").asText())
          && "000000".equals(m.path("processingCode").asText())
          && cardAcceptorId.equals(m.path("cardAcceptorId").asText().strip())) {
        mine.add(
            new Request(
                m.path("mti").asText(),
                m.path("rrn").asText(),
                m.path("posEntryMode").isNull() ? null : m.path("posEntryMode").asText(),
                m.path("storedCredential").isNull() ? null : m.path("storedCredential").asText()));
      }
    }
    return mine;
  }

  /** Writes (or rewrites) the settlement report of {@code day}, as the host does after the day. */
  static JsonNode writeSettlement(java.time.LocalDate day) {
    return call("POST", "/settlement/" + day, null);
  }

  /** Leaves a transaction out of its settlement report. */
  static void omitFromSettlement(String rrn) {
    call("POST", "/settlement/exceptions", "{\"rrn\":\"" + rrn + "\",\"omit\":true}");
  }

  /** Settles a transaction at another amount. */
  static void settleAt(String rrn, long amount) {
    call("POST", "/settlement/exceptions", "{\"rrn\":\"" + rrn + "\",\"amount\":" + amount + "}");
  }

  /** Settles a charge of {@code amount} US cents that no platform sent; answers its RRN. */
  static String settleExtraCharge(String terminalId, String cardAcceptorId, long amount) {
    return call(
            "POST",
            "/settlement/extra",
            "{\"terminal_id\":\""
                + terminalId
                + "\",\"card_acceptor_id\":\""
                + cardAcceptorId
                + "\",\"amount\":"
                + amount
                + ",\"currency\":\"840\"}")
        .path("rrn")
        .asText();
  }

  static void dropAnswers() {
    call("POST", "/faults", "{\"drop_answers\":true}");
  }

  static void heal() {
    call("DELETE", "/faults", null);
    call("POST", "/connections/accept", null);
  }

  static void closeConnections() {
    call("POST", "/connections/close", null);
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonNode call(String method, String path, String body) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(URL + path)).timeout(Duration.ofSeconds(10));
      b.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        b.header("Content-Type", "application/json");
      }
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            method + " " + path + ": " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("the acquirer host's control does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
