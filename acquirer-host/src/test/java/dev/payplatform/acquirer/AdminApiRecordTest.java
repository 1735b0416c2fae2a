package dev.payplatform.acquirer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;

/**
 * The control API's record over real HTTP: a card acceptor's journal is its own messages only (a
 * record grows with every payment, and the whole of it outgrew the host's heap on a used machine).
 */
class AdminApiRecordTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aCardAcceptorsJournalHoldsOnlyItsOwnMessages() throws Exception {
    Path data = Files.createTempDirectory("acquirer-record");
    try (AcquirerHost host = new AcquirerHost(freePort(), data, Clock.systemUTC())) {
      host.record().message("in", purchase("000000000001", "STOREONE0000001"), Instant.now());
      host.record().message("in", purchase("000000000002", "STORETWO0000001"), Instant.now());
      host.record().message("in", purchase("000000000003", "STOREONE0000001"), Instant.now());
      try (AdminApi api = new AdminApi(host, "127.0.0.1", freePort())) {
        api.start();
        JsonNode mine = get(api, "/journal?card_acceptor_id=STOREONE0000001");
        List<String> rrns = new ArrayList<>();
        mine.forEach(m -> rrns.add(m.path("rrn").asText()));
        assertThat(rrns).containsExactly("000000000001", "000000000003");
        assertThat(get(api, "/journal")).hasSize(3);
      }
    }
  }

  private static ISOMsg purchase(String rrn, String cardAcceptorId) throws Exception {
    ISOMsg m = new ISOMsg("0200");
    m.set(3, "000000");
    m.set(4, "000000004999");
    m.set(37, rrn);
    m.set(41, "TERM0001");
    m.set(42, cardAcceptorId);
    m.set(49, "840");
    return m;
  }

  private static JsonNode get(AdminApi api, String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
