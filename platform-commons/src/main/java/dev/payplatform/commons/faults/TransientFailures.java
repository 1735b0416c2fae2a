package dev.payplatform.commons.faults;

import com.fasterxml.jackson.core.JacksonException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that goes away by itself (a dependency away for a moment: a lost or refused
 * connection, a full pool, a timeout, a serialization or deadlock abort, a server shutting down)
 * from one that will happen again on the same input. The consumer mechanism retries the first kind
 * without limit and dead-letters the second after a few tries; the API answers the first kind 503
 * with {@code Retry-After} instead of 500.
 */
public final class TransientFailures {
  private TransientFailures() {}

  /** True when {@code failure}, any cause or any suppressed exception, is transient. */
  public static boolean isTransient(Throwable failure) {
    Deque<Throwable> todo = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    todo.add(failure);
    while (!todo.isEmpty() && seen.size() < 32) {
      Throwable t = todo.poll();
      if (t == null || !seen.add(t)) {
        continue;
      }
      if (isTransientItself(t)) {
        return true;
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      Collections.addAll(todo, t.getSuppressed());
    }
    return false;
  }

  private static boolean isTransientItself(Throwable t) {
    if (t instanceof JacksonException) {
      return false; // unreadable JSON is an IOException too, and never heals
    }
    if (t instanceof IOException || t instanceof TimeoutException) {
      return true; // refused/reset/closed connections, connect and read timeouts
    }
    if (t instanceof io.vertx.sqlclient.ClosedConnectionException
        || t instanceof org.apache.kafka.common.errors.RetriableException) {
      return true; // a lost database connection; a broker away (metadata/request timeouts)
    }
    if (t instanceof DatabaseException db) {
      return isTransientSqlState(db.getSqlState());
    }
    if (t instanceof SQLException sql) {
      return isTransientSqlState(sql.getSQLState());
    }
    String name = t.getClass().getName();
    if (name.equals("org.hibernate.exception.JDBCConnectionException")
        || name.equals("org.hibernate.exception.LockAcquisitionException")
        || name.equals("org.hibernate.PessimisticLockException")
        || name.endsWith("ConnectTimeoutException")
        || name.endsWith("ConnectionPoolTooBusyException")) {
      return true;
    }
    String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    // Messages of exceptions without a type of their own: Hibernate Reactive closing a session
    // whose
    // connection died (HR000090), the reactive pool's wait timeout, a closed pool.
    return message.contains("hr000090")
        || message.contains("connection is closed")
        || message.contains("connection refused")
        || message.contains("pool closed")
        || message.equals("timeout")
        || message.contains("timed out");
  }

  /**
   * PostgreSQL's classes: 08 connection exceptions, 57P01-57P03 shutting down / cannot connect now,
   * 40001 serialization failure, 40P01 deadlock, 53300 too many connections, 55P03 lock not
   * available, 57014 statement timeout.
   */
  static boolean isTransientSqlState(String state) {
    if (state == null) {
      return false;
    }
    return state.startsWith("08")
        || state.startsWith("57P0")
        || state.equals("40001")
        || state.equals("40P01")
        || state.equals("53300")
        || state.equals("53400")
        || state.equals("55P03")
        || state.equals("57014");
  }
}
