package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.domain.GatewayAccountEntity;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/** An account as operators read it. */
public record GatewayAccountResponse(
    String id,
    String object,
    String kind,
    String status,
    String host,
    Integer port,
    String terminalId,
    String cardAcceptorId,
    String merchantCategoryCode,
    String acquiringInstitutionId,
    String cardAcceptorName,
    String settlementCurrency,
    List<String> credentials,
    String created,
    String updated) {
  static GatewayAccountResponse of(GatewayAccountEntity a) {
    return new GatewayAccountResponse(
        a.id,
        "gateway_account",
        a.kind,
        a.status,
        a.host,
        a.port,
        a.terminalId,
        a.cardAcceptorId,
        a.merchantCategoryCode,
        a.acquiringInstitutionId,
        a.cardAcceptorName,
        a.settlementCurrency == null ? null : a.settlementCurrency.strip(),
        a.credentialNames == null ? List.of() : Arrays.asList(a.credentialNames),
        a.createdAt.truncatedTo(ChronoUnit.MILLIS).toString(),
        a.updatedAt.truncatedTo(ChronoUnit.MILLIS).toString());
  }
}
