package dev.payplatform.edge.messaging;

import dev.payplatform.commons.events.OutgoingEvent;
import dev.payplatform.commons.outbox.OutboxWriter;
import dev.payplatform.edge.config.EdgeTopicsConfig;
import dev.payplatform.edge.domain.Merchant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The events the edge emits on {@code platform.topics.merchants} (docs/events/merchants). Each call
 * appends to the outbox, so it must run inside the transaction that writes the merchant: both
 * commit or neither.
 */
@ApplicationScoped
public class MerchantEvents {
  public static final String CREATED = "merchant.created";
  public static final String UPDATED = "merchant.updated";

  private final OutboxWriter outbox;
  private final String topic;

  public MerchantEvents(OutboxWriter outbox, EdgeTopicsConfig topics) {
    this.outbox = outbox;
    this.topic = topics.merchants();
  }

  public Uni<String> created(Merchant m) {
    return emit(CREATED, m);
  }

  public Uni<String> updated(Merchant m) {
    return emit(UPDATED, m);
  }

  // Key = the merchant's id, so one merchant's events stay in order on one partition.
  private Uni<String> emit(String type, Merchant m) {
    return outbox.append(new OutgoingEvent(topic, type, m.id, m.id, null, of(m)));
  }

  static MerchantEvent of(Merchant m) {
    return new MerchantEvent(
        m.id,
        m.name,
        m.gatewayAccountId,
        m.settlementCurrency,
        m.localCurrency,
        m.feeBasisPoints,
        m.feePercent(),
        m.feeFixed,
        m.statementDescriptor,
        m.lateSuccess,
        m.createdAt.toString(),
        m.updatedAt.toString());
  }
}
