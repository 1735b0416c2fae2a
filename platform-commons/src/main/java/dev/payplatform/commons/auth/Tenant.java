package dev.payplatform.commons.auth;

import io.quarkus.panache.common.Parameters;

/**
 * The merchant and mode a request or an event acts for. Every tenant-owned query starts from {@link
 * #WHERE}, so none can forget either half: another merchant's object, or the same merchant's object
 * in the other mode, is never found (a 404).
 */
public record Tenant(String merchantId, boolean livemode) {
  public static final String WHERE = "merchantId = :merchantId and livemode = :livemode";

  public static Tenant of(MerchantContext merchant) {
    return new Tenant(merchant.merchantId(), merchant.livemode());
  }

  public Parameters parameters() {
    return Parameters.with("merchantId", merchantId).and("livemode", livemode);
  }

  public Parameters parameters(String name, Object value) {
    return parameters().and(name, value);
  }
}
