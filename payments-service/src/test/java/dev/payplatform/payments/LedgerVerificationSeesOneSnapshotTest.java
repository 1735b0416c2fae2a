package dev.payplatform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.payments.domain.JournalEntry;
import dev.payplatform.payments.domain.Posting;
import dev.payplatform.payments.service.ledger.Ledger;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The ledger's verification reads one snapshot: entries posted while it runs (the settlement sweep,
 * a payment, a payout) are either wholly in what it checks or wholly out of it, so it never reports
 * a chain head, a balance or a clearing day that differs from its entries only because they were
 * read at different moments.
 */
@QuarkusTest
class LedgerVerificationSeesOneSnapshotTest {
  @Inject Ledger ledger;

  @Test
  void verificationWhileEntriesArePostedReportsNoProblem() throws Exception {
    // Sorted after every other chain, so its head is read long before its entries are walked.
    String merchant = "mer_zzzz" + UUID.randomUUID().toString().replace("-", "");
    AtomicBoolean posting = new AtomicBoolean(true);
    AtomicLong posted = new AtomicLong();
    ExecutorService posters = Executors.newFixedThreadPool(2);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      running.add(
          posters.submit(
              () -> {
                while (posting.get()) {
                  JournalEntry entry = adjustment(merchant);
                  try {
                    VertxContextSupport.subscribeAndAwait(
                        () -> Panache.withTransaction(() -> ledger.post(entry)));
                  } catch (Throwable e) {
                    throw new IllegalStateException("posting " + entry.idemKey(), e);
                  }
                  posted.incrementAndGet();
                }
                return null;
              }));
    }
    List<String> problems = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        problems.addAll(Api.ledgerVerification().getList("problems", String.class));
      }
    } finally {
      posting.set(false);
      for (Future<?> f : running) {
        f.get(1, TimeUnit.MINUTES);
      }
      posters.shutdown();
    }
    assertThat(posted.get()).as("entries posted during the verifications").isPositive();
    assertThat(problems).as("problems reported while entries were posted").isEmpty();
  }

  /** A test-mode adjustment of 1.00 USD from clearing to the merchant's pending balance. */
  private static JournalEntry adjustment(String merchant) {
    return new JournalEntry(
        "adjustment:" + UUID.randomUUID(),
        merchant,
        false,
        "adjustment",
        "pay_snapshot",
        "USD",
        100,
        0,
        100,
        null,
        null,
        null,
        null,
        List.of(
            new Posting(Posting.clearing(false, "USD"), "USD", 100),
            new Posting(Posting.pending(merchant, false, "USD"), "USD", -100)));
  }
}
