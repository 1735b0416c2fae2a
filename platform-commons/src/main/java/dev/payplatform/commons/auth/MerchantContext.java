package dev.payplatform.commons.auth;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The merchant a request acts for, read from the edge's verified internal JWT. Resources that use
 * it are {@code @RolesAllowed("merchant")}; every query they run filters on {@link #merchantId()}
 * and {@link #livemode()}.
 */
@RequestScoped
public class MerchantContext {
  private final JsonWebToken jwt;

  public MerchantContext(JsonWebToken jwt) {
    this.jwt = jwt;
  }

  public String merchantId() {
    String sub = jwt.getSubject();
    if (sub == null || sub.isBlank()) {
      throw new UnauthorizedException("token has no merchant");
    }
    return sub;
  }

  public Mode mode() {
    try {
      return Mode.fromClaim(jwt.getClaim(InternalClaims.MODE));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new UnauthorizedException("token has no valid mode");
    }
  }

  public boolean livemode() {
    return mode().livemode();
  }

  public String merchantName() {
    String name = jwt.getClaim(InternalClaims.MERCHANT_NAME);
    return name == null ? "" : name;
  }

  /** The connected gateway account, or null when the merchant has none. */
  public String gatewayAccountId() {
    return jwt.getClaim(InternalClaims.GATEWAY_ACCOUNT_ID);
  }
}
