package dev.payplatform.billing.service;

import io.quarkus.panache.common.Parameters;

/**
 * The merchant and mode a request or an event acts for. Every tenant-owned query starts from {@link
 * #WHERE}, so none can forget either half (another merchant's or mode's object is a 404).
 */
public record Tenant(String merchantId, boolean livemode) {
  static final String WHERE = "merchantId = :merchantId and livemode = :livemode";

  Parameters parameters() {
    return Parameters.with("merchantId", merchantId).and("livemode", livemode);
  }

  Parameters parameters(String name, Object value) {
    return parameters().and(name, value);
  }
}
