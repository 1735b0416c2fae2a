package dev.payplatform.commons.auth;

/**
 * Claim names of the edge's internal JWT (docs/architecture.md, "Request path"); the edge writes,
 * services read.
 */
public final class InternalClaims {
  public static final String MODE = "mode";
  public static final String MERCHANT_NAME = "merchant_name";
  public static final String GATEWAY_ACCOUNT_ID = "gateway_account_id";
  public static final String MERCHANT_ROLE = "merchant";

  private InternalClaims() {}
}
