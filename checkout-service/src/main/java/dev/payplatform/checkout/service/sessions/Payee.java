package dev.payplatform.checkout.service.sessions;

import dev.payplatform.commons.auth.Tenant;

/**
 * The merchant a new session pays: who and in which mode (from the edge's JWT), the name the buyer
 * sees and the gateway account a live charge goes to.
 */
public record Payee(
    String merchantId, boolean livemode, String merchantName, String gatewayAccountId) {

  public Tenant tenant() {
    return new Tenant(merchantId, livemode);
  }
}
