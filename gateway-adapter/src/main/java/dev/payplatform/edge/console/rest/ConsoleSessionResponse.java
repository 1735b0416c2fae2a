package dev.payplatform.edge.console.rest;

import dev.payplatform.edge.console.service.ConsoleSession;

/**
 * A console session as its pages see it, with the CSRF token their changes must carry, and its
 * stage: {@code two_factor} (a code next), {@code enrol_two_factor} (the team requires an
 * authenticator) or {@code signed_in}.
 */
public record ConsoleSessionResponse(
    SessionUserResponse user,
    ConsoleMerchantResponse merchant,
    String mode,
    String csrfToken,
    PermissionsResponse roles,
    String stage,
    boolean twoFactorEnabled) {

  static ConsoleSessionResponse of(ConsoleSession s) {
    return new ConsoleSessionResponse(
        new SessionUserResponse(s.userId(), s.email(), s.role().word()),
        new ConsoleMerchantResponse(s.merchantId(), s.merchantName(), s.gatewayAccountId()),
        s.mode().claim(),
        s.csrfToken(),
        new PermissionsResponse(
            s.role().canWrite(), s.role().canManageKeys(), s.role().canManageTeam()),
        s.stage().wire(),
        s.twoFactorEnabled());
  }
}
