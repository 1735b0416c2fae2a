package dev.payplatform.events.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.events.domain.StoredEvent;
import dev.payplatform.events.domain.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** What one attempt sends: the event's webhook body, signed with the endpoint's secrets. */
@ApplicationScoped
public class WebhookRequests {
  private static final Logger LOG = Logger.getLogger(WebhookRequests.class);

  private final SigningSecrets secrets;
  private final ObjectMapper json;
  private final InstantSource clock;

  public WebhookRequests(SigningSecrets secrets, ObjectMapper json, InstantSource clock) {
    this.secrets = secrets;
    this.json = json;
    this.clock = clock;
  }

  /** What is sent: the request's URL, headers and body; or why nothing can be sent. */
  record Request(URI url, Map<String, String> headers, String body, String unsendable) {}

  /**
   * The signed request. A secret that does not open under this service's key (the key was changed)
   * makes the attempt a recorded failure, in the schedule like any other, not a silent stall; a
   * rotated-out secret that does not open is left out.
   */
  Request request(WebhookEndpoint endpoint, StoredEvent event) {
    Instant now = Timestamps.now(clock);
    String body = body(event);
    long timestamp = now.getEpochSecond();
    List<String> signatures = new ArrayList<>();
    try {
      signatures.add(secrets.signature(List.of(endpoint.secretSealed), event.id, timestamp, body));
    } catch (IllegalStateException e) {
      LOG.errorf("endpoint %s: %s", endpoint.id, e.getMessage());
      return new Request(
          null, null, null, "the signing secret cannot be opened: " + e.getMessage());
    }
    String previous = endpoint.previousSecretIfActive(now);
    if (previous != null) {
      try {
        signatures.add(secrets.signature(List.of(previous), event.id, timestamp, body));
      } catch (IllegalStateException e) {
        LOG.warnf(
            "endpoint %s: the rotated-out secret is left out: %s", endpoint.id, e.getMessage());
      }
    }
    return new Request(
        URI.create(endpoint.url),
        Map.of(
            "webhook-id", event.id,
            "webhook-timestamp", Long.toString(timestamp),
            "webhook-signature", String.join(" ", signatures)),
        body,
        null);
  }

  /**
   * The webhook body: the event as the merchant's log has it, with its place in its object's stream
   * ({@code sequence}).
   */
  String body(StoredEvent event) {
    try {
      ObjectNode body = json.createObjectNode();
      body.put("id", event.id);
      body.put("object", "event");
      body.put("type", event.type);
      body.put("timestamp", Timestamps.format(event.createdAt));
      body.put("livemode", event.livemode);
      body.put("subject", event.subject);
      body.put("sequence", event.sequence);
      body.set("data", json.readTree(event.data));
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
