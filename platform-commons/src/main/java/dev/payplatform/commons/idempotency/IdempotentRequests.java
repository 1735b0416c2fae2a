package dev.payplatform.commons.idempotency;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.config.IdempotencyConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The {@code idempotent_request} table: one row per (merchant, mode, key), written on the caller's
 * Hibernate Reactive session so it shares the transaction of the request's effect.
 */
@ApplicationScoped
public class IdempotentRequests {
  private static final String INSERT =
      "insert into idempotent_request (merchant_id, livemode, idempotency_key, fingerprint,"
          + " locked_until) values (?1, ?2, ?3, ?4,"
          + " case when ?5 > 0 then now() + ?5 * interval '1 millisecond' end)"
          + " on conflict do nothing";
  private static final String FIND =
      "select fingerprint, response_status, response_body, replayable,"
          + " coalesce(locked_until > now(), false) from idempotent_request"
          + " where merchant_id = ?1 and livemode = ?2 and idempotency_key = ?3 for update";
  private static final String TAKE_OVER =
      "update idempotent_request set locked_until = now() + ?4 * interval '1 millisecond'"
          + " where merchant_id = ?1 and livemode = ?2 and idempotency_key = ?3";
  private static final String COMPLETE =
      "update idempotent_request set response_status = ?4, response_body = ?5, replayable = ?6,"
          + " locked_until = null"
          + " where merchant_id = ?1 and livemode = ?2 and idempotency_key = ?3";
  private static final String RELEASE =
      "delete from idempotent_request where merchant_id = ?1 and livemode = ?2"
          + " and idempotency_key = ?3 and response_status is null";

  /** What a claim found. */
  public sealed interface Claim {
    /** The key is this request's now: run it. */
    record Run() implements Claim {}

    /** The same request was answered before: give that answer again. */
    record Replay(int status, String body, boolean replayable) implements Claim {}

    /** The key was used with another request. */
    record Mismatch() implements Claim {}

    /** The same request is still running elsewhere (several-transaction work, lease alive). */
    record InFlight() implements Claim {}
  }

  private final Duration lease;

  public IdempotentRequests(IdempotencyConfig config) {
    this.lease = config.inFlightLease();
  }

  /**
   * Claims {@code key} inside the caller's transaction. A concurrent claim of the same key waits on
   * the row until this transaction ends, then finds its answer. With {@code leased}, an unanswered
   * row whose lease ran out is taken over: its request died without an answer.
   */
  public Uni<Claim> claim(Tenant tenant, String key, String fingerprint, boolean leased) {
    long leaseMillis = leased ? lease.toMillis() : 0;
    return Panache.getSession()
        .chain(
            s ->
                keyed(s.createNativeQuery(INSERT), tenant, key)
                    .setParameter(4, fingerprint)
                    .setParameter(5, leaseMillis)
                    .executeUpdate()
                    .chain(
                        inserted ->
                            inserted == 1
                                ? Uni.createFrom().<Claim>item(new Claim.Run())
                                : keyed(s.createNativeQuery(FIND, Object[].class), tenant, key)
                                    .getSingleResultOrNull()
                                    .chain(
                                        row ->
                                            existing(tenant, key, fingerprint, leaseMillis, row))));
  }

  private Uni<Claim> existing(
      Tenant tenant, String key, String fingerprint, long leaseMillis, Object[] row) {
    if (row == null) {
      // Released between the insert and the read: its request gave no answer, so this one runs.
      return claim(tenant, key, fingerprint, leaseMillis > 0);
    }
    if (!fingerprint.equals(row[0])) {
      return Uni.createFrom().item(new Claim.Mismatch());
    }
    if (row[1] != null) {
      return Uni.createFrom()
          .item(
              new Claim.Replay(
                  ((Number) row[1]).intValue(), (String) row[2], Boolean.TRUE.equals(row[3])));
    }
    if (leaseMillis == 0 || Boolean.TRUE.equals(row[4])) {
      return Uni.createFrom().item(new Claim.InFlight());
    }
    return Panache.getSession()
        .chain(
            s ->
                keyed(s.createNativeQuery(TAKE_OVER), tenant, key)
                    .setParameter(4, leaseMillis)
                    .executeUpdate())
        .replaceWith(new Claim.Run());
  }

  /** The statement with its first three parameters: the row's merchant, mode and key. */
  private static <Q extends org.hibernate.reactive.mutiny.Mutiny.AbstractQuery> Q keyed(
      Q query, Tenant tenant, String key) {
    query.setParameter(1, tenant.merchantId());
    query.setParameter(2, tenant.livemode());
    query.setParameter(3, key);
    return query;
  }

  /** Stores the answer of the request that holds {@code key}. */
  public Uni<Void> complete(
      Tenant tenant, String key, int status, String body, boolean replayable) {
    return Panache.getSession()
        .chain(
            s ->
                keyed(s.createNativeQuery(COMPLETE), tenant, key)
                    .setParameter(4, status)
                    .setParameter(5, body)
                    .setParameter(6, replayable)
                    .executeUpdate())
        .replaceWithVoid();
  }

  /** Frees an unanswered key: its request ended without an effect, so a retry may run it. */
  public Uni<Void> release(Tenant tenant, String key) {
    return Panache.getSession()
        .chain(s -> keyed(s.createNativeQuery(RELEASE), tenant, key).executeUpdate())
        .replaceWithVoid();
  }
}
