package dev.payplatform.catalog.service;

import io.quarkus.panache.common.Parameters;

/**
 * The merchant and mode a request acts for. Every catalog query starts from {@link #WHERE}, so no
 * query can forget either half (DESIGN section 3: another merchant's or mode's object is a 404).
 */
public record Tenant(String merchantId, boolean livemode) {
  static final String WHERE = "merchantId = :merchantId and livemode = :livemode";

  Parameters parameters() {
    return Parameters.with("merchantId", merchantId).and("livemode", livemode);
  }
}
