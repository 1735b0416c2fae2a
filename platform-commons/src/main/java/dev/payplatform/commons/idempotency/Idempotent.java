package dev.payplatform.commons.idempotency;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method whose {@code Idempotency-Key} the owning service honours itself, not only the
 * edge: the first answer is stored under (merchant, mode, key) with a fingerprint of the request,
 * and a repeat gets that answer back, whenever it comes (docs/decisions/0018).
 *
 * <p>Put {@code @Cancellable(false)} beside it on anything that moves money, so the work also runs
 * to its end when the client hangs up.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
  /** How the method's effect is committed, which decides when its record is written. */
  @Nonbinding
  Commit value() default Commit.ONE_TRANSACTION;

  enum Commit {
    /**
     * The effect commits in one transaction: the record is claimed and written in it, so the effect
     * and its record commit or roll back together, and a concurrent repeat waits for it.
     */
    ONE_TRANSACTION,
    /**
     * The effect spans transactions around a processor call (a confirmation): the key is leased in
     * a transaction of its own before the work, and the answer stored after it. The object's own
     * state machine keeps a repeat after a crash from charging twice.
     */
    SEVERAL_TRANSACTIONS
  }
}
