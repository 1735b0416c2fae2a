package dev.payplatform.edge.console.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A user's recovery codes in {@code console_recovery_code}, as SHA-256 (native: the table has a
 * composite key and no entity). Every method runs inside the caller's transaction.
 */
final class RecoveryCodes {
  private RecoveryCodes() {}

  /** Replaces the user's codes with these. */
  static Uni<Void> replace(String userId, List<String> codes, Instant now) {
    Uni<Integer> chain = forget(userId);
    for (String code : codes) {
      chain =
          chain.chain(
              () ->
                  Panache.getSession()
                      .chain(
                          s ->
                              s.createNativeQuery(
                                      "insert into console_recovery_code (user_id, code_hash,"
                                          + " created_at) values (?1, ?2, cast(?3 as timestamptz))")
                                  .setParameter(1, userId)
                                  .setParameter(2, Authenticators.recoveryHash(code))
                                  .setParameter(3, now.atOffset(ZoneOffset.UTC))
                                  .executeUpdate()));
    }
    return chain.replaceWithVoid();
  }

  /** Uses one code: true when it was the user's and unused (one statement: it works once). */
  static Uni<Boolean> use(String userId, String code, Instant now) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "update console_recovery_code set used_at = cast(?3 as timestamptz)"
                            + " where user_id = ?1 and code_hash = ?2 and used_at is null")
                    .setParameter(1, userId)
                    .setParameter(2, Authenticators.recoveryHash(code))
                    .setParameter(3, now.atOffset(ZoneOffset.UTC))
                    .executeUpdate())
        .map(updated -> updated > 0);
  }

  static Uni<Integer> forget(String userId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery("delete from console_recovery_code where user_id = ?1")
                    .setParameter(1, userId)
                    .executeUpdate());
  }

  /** How many unused codes the user has left. */
  static Uni<Long> left(String userId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select count(*) from console_recovery_code"
                            + " where user_id = ?1 and used_at is null",
                        Long.class)
                    .setParameter(1, userId)
                    .getSingleResult());
  }
}
