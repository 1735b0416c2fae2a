package dev.payplatform.commons.snapshot;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads that must agree with one another, such as a verification that compares a chain's head with
 * its entries, or balances with the entries that make them. Each statement of a plain session sees
 * what was committed when it started, so writes that commit between two of them make the reads
 * disagree although the data does not. {@link #read} runs all of them in one read-only REPEATABLE
 * READ transaction: one PostgreSQL snapshot, taken at the first read, that no write committed later
 * can change.
 */
public final class Snapshot {
  // PostgreSQL accepts it only as the transaction's first statement, before any read.
  private static final String REPEATABLE_READ_ONLY =
      "set transaction isolation level repeatable read, read only";

  private Snapshot() {}

  /** Runs {@code reads} on one snapshot; any write among them fails. */
  public static <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> reads) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(REPEATABLE_READ_ONLY)
                            .executeUpdate()
                            .chain(() -> reads.apply(s))));
  }
}
