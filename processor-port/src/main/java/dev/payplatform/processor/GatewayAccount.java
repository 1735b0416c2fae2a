package dev.payplatform.processor;

import java.util.Map;

/**
 * A gateway account: which connector serves a merchant's live charges, and how it identifies the
 * merchant to the acquirer (docs/connectors.md). Checkout owns them; connectors read them.
 *
 * @param kind the connector kind ({@code sandbox}, {@code iso8583})
 * @param host the acquirer's endpoint
 * @param terminalId card acceptor terminal identification (ISO 8583 DE 41, 8 characters)
 * @param cardAcceptorId card acceptor identification code (DE 42, 15 characters)
 * @param merchantCategoryCode merchant type (DE 18, 4 digits)
 * @param acquiringInstitutionId acquiring institution identification code (DE 32)
 * @param cardAcceptorName card acceptor name and location (DE 43)
 * @param credentials the connector's keys, opened (they are sealed at rest)
 */
public record GatewayAccount(
    String id,
    String kind,
    String status,
    String host,
    int port,
    String terminalId,
    String cardAcceptorId,
    String merchantCategoryCode,
    String acquiringInstitutionId,
    String cardAcceptorName,
    String settlementCurrency,
    Map<String, String> credentials) {

  public static final String ENABLED = "enabled";
  public static final String DISABLED = "disabled";

  public boolean enabled() {
    return ENABLED.equals(status);
  }

  /** Never the credentials. */
  @Override
  public String toString() {
    return "GatewayAccount[" + id + " " + kind + " " + status + " " + host + ":" + port + "]";
  }
}
