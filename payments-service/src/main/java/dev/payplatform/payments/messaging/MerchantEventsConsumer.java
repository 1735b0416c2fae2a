package dev.payplatform.payments.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.inbox.Inbox;
import dev.payplatform.payments.service.MerchantProfiles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** merchants.events → each merchant's fee plan, currencies and statement descriptor. */
@ApplicationScoped
public class MerchantEventsConsumer {
  static final String CONSUMER = "payments-service.merchants-events";
  private static final Logger LOG = Logger.getLogger(MerchantEventsConsumer.class);
  private static final Set<String> TYPES = Set.of("merchant.created", "merchant.updated");

  private final Inbox inbox;
  private final MerchantProfiles profiles;
  private final ObjectMapper json;

  public MerchantEventsConsumer(Inbox inbox, MerchantProfiles profiles, ObjectMapper json) {
    this.inbox = inbox;
    this.profiles = profiles;
    this.json = json;
  }

  @Incoming("merchants-events")
  @WithTransaction
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    IncomingEvent event;
    try {
      event = IncomingEvent.from(record, json);
    } catch (IllegalArgumentException malformed) {
      LOG.warnf("skipping a malformed merchants record: %s", malformed.getMessage());
      return Uni.createFrom().voidItem();
    }
    if (!TYPES.contains(event.type())) {
      return Uni.createFrom().voidItem();
    }
    MerchantChanged m;
    try {
      m =
          event.data() != null && event.data().isObject()
              ? json.treeToValue(event.data(), MerchantChanged.class)
              : null;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      m = null;
    }
    String problem = m == null ? "data is not a merchant" : problem(m);
    Instant updatedAt = problem == null ? instant(m.updatedAt()) : null;
    if (problem == null && updatedAt == null) {
      problem = "updated_at is not an ISO-8601 instant";
    }
    if (problem != null) {
      LOG.warnf("skipping malformed %s %s: %s", event.type(), event.id(), problem);
      return Uni.createFrom().voidItem();
    }
    MerchantChanged merchant = m;
    return inbox
        .claim(CONSUMER, event.id())
        .chain(first -> first ? profiles.apply(merchant, updatedAt) : Uni.createFrom().voidItem());
  }

  static String problem(MerchantChanged m) {
    if (m.id() == null || m.id().isBlank()) {
      return "id is missing";
    }
    if (!isCurrency(m.settlementCurrency())
        || (m.localCurrency() != null && !isCurrency(m.localCurrency()))) {
      return "settlement_currency/local_currency is not an ISO-4217 code";
    }
    if (m.feeBasisPoints() == null || m.feeBasisPoints() < 0 || m.feeBasisPoints() > 10_000) {
      return "fee_basis_points must be 0-10000";
    }
    if (m.feeFixed() == null || m.feeFixed() < 0) {
      return "fee_fixed must be a non-negative number of minor units";
    }
    return null;
  }

  private static boolean isCurrency(String code) {
    try {
      return code != null
          && code.length() == 3
          && Currency.getInstance(code).getDefaultFractionDigits() >= 0;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  private static Instant instant(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
