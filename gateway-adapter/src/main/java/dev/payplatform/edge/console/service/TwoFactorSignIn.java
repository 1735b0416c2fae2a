package dev.payplatform.edge.console.service;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.console.domain.ConsoleUser;
import dev.payplatform.edge.console.domain.SessionStage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The code step of signing in: after the password, a code from the user's authenticator (or one of
 * their recovery codes) moves the session on to signed in. The step has its own lockout, counted
 * the way the password's is ({@link AuthenticationCodes}).
 */
@ApplicationScoped
public class TwoFactorSignIn {
  private final AuthenticationCodes codes;
  private final ConsoleSessions sessions;
  private final ConsoleAudit audit;
  private final InstantSource clock;

  public TwoFactorSignIn(
      AuthenticationCodes codes,
      ConsoleSessions sessions,
      ConsoleAudit audit,
      InstantSource clock) {
    this.codes = codes;
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
  }

  /** Checks the code of a session waiting for one: the signed-in session, 401, or 429. */
  public Uni<ConsoleSession> verify(
      String token, ConsoleSession session, String code, String address) {
    if (session.stage() != SessionStage.TWO_FACTOR) {
      return Uni.createFrom()
          .failure(ApiException.conflict("This session is not waiting for a code."));
    }
    Instant now = Timestamps.now(clock);
    return Panache.withTransaction(
            () ->
                ConsoleUser.<ConsoleUser>findById(session.userId(), LockModeType.PESSIMISTIC_WRITE)
                    .chain(user -> codes.check(user, code, now, true)))
        .chain(
            verdict -> {
              if (verdict instanceof AuthenticationCodes.Verdict.Accepted) {
                return sessions
                    .signedIn(token, SessionStage.TWO_FACTOR)
                    .map(s -> s.orElseThrow(TwoFactorSignIn::sessionEnded))
                    .call(s -> record(session, 200, address));
              }
              ApiException why = AuthenticationCodes.refusal(verdict, now);
              return record(session, why.status(), address)
                  .chain(() -> Uni.createFrom().failure(why));
            });
  }

  private Uni<Void> record(ConsoleSession s, int status, String address) {
    return audit.record(
        s.merchantId(),
        s.userId(),
        s.email(),
        ConsoleAction.TWO_FACTOR_VERIFY,
        null,
        s.sessionId(),
        status,
        address);
  }

  private static ApiException sessionEnded() {
    return new ApiException(401, "Unauthorized", "Sign in to the console.");
  }
}
