package dev.payplatform.billing.service.subscriptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.billing.domain.SubscriptionRequest;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Session subscription requests parked until the catalog events they refer to arrive (the catalog
 * read model can lag checkout's event). Runs inside the caller's transaction.
 */
@ApplicationScoped
public class SessionRequests {
  private final ObjectMapper json;
  private final InstantSource clock;

  public SessionRequests(ObjectMapper json, InstantSource clock) {
    this.json = json;
    this.clock = clock;
  }

  Uni<Void> park(Tenant tenant, SessionRequest req) {
    return SubscriptionRequest.<SubscriptionRequest>findById(req.sessionId())
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().voidItem();
              }
              SubscriptionRequest r = new SubscriptionRequest();
              r.sessionId = req.sessionId();
              r.merchantId = tenant.merchantId();
              r.livemode = tenant.livemode();
              r.planId = req.planId();
              r.customerId = req.customerId();
              r.payload = write(req);
              r.receivedAt = Timestamps.now(clock);
              return r.persist().replaceWithVoid();
            });
  }

  Uni<Void> forget(String sessionId) {
    return SubscriptionRequest.deleteById(sessionId).replaceWithVoid();
  }

  Uni<List<SessionRequest>> waitingFor(Tenant tenant, String catalogId) {
    return SubscriptionRequest.<SubscriptionRequest>list(
            Tenant.WHERE + " and (planId = :id or customerId = :id)",
            tenant.parameters("id", catalogId))
        .map(
            rows -> {
              List<SessionRequest> out = new ArrayList<>();
              for (SubscriptionRequest r : rows) {
                out.add(read(r.payload));
              }
              return out;
            });
  }

  private String write(SessionRequest req) {
    try {
      return json.writeValueAsString(req);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store session request " + req.sessionId(), e);
    }
  }

  private SessionRequest read(String payload) {
    try {
      return json.readValue(payload, SessionRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored session request is not readable", e);
    }
  }
}
