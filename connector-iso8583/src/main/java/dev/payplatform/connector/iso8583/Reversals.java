package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.GatewayAccount;
import dev.payplatform.processor.GatewayAccounts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jpos.iso.ISOException;

/**
 * Reversals (docs/connectors.md, the journal): a request given up on moves to {@code reversing} and
 * its reversal goes out at once without anyone waiting; the deliveries sweep repeats it as an
 * advice (0420, then 0421) at most every {@code reversal-retry} until the acquirer answers {@code
 * 00} or {@code 25}. Replicas claim due reversals with {@code for update skip locked}.
 */
@ApplicationScoped
public class Reversals {
  private static final Logger LOG = Logger.getLogger(Reversals.class);

  private final GatewayAccounts accounts;
  private final AcquirerLinks links;
  private final Iso8583Journal journal;
  private final Iso8583Config config;
  private final InstantSource clock;

  public Reversals(
      GatewayAccounts accounts,
      AcquirerLinks links,
      Iso8583Journal journal,
      Iso8583Config config,
      InstantSource clock) {
    this.accounts = accounts;
    this.links = links;
    this.journal = journal;
    this.config = config;
    this.clock = clock;
  }

  /** Sends the reversals due now: 0400 the first time, 0420 the second, 0421 after that. */
  public Uni<Integer> deliverDue() {
    return journal
        .claimDueReversals(50, config.reversalRetry())
        .chain(
            due ->
                due.isEmpty()
                    ? Uni.createFrom().item(0)
                    : Uni.join()
                        .all(due.stream().map(this::sendReversal).toList())
                        .andCollectFailures()
                        .map(done -> (int) done.stream().filter(Boolean.TRUE::equals).count()));
  }

  /**
   * Gives the reference up to a reversal and sends the first one without waiting for its answer:
   * true when this call started it. The deliveries sweep repeats it until the acquirer answers.
   */
  public Uni<Boolean> startInBackground(String reference) {
    return journal
        .startReversal(reference)
        .invoke(
            started -> {
              if (started) {
                deliverDue()
                    .subscribe()
                    .with(
                        sent -> {},
                        e -> LOG.warnf("the first reversal of %s failed: %s", reference, e));
              }
            });
  }

  private Uni<Boolean> sendReversal(Iso8583Journal.Due due) {
    JournalRow row = due.row();
    Optional<GatewayAccount> account = accounts.find(row.gatewayAccountId());
    if (account.isEmpty()) {
      LOG.errorf(
          "cannot reverse %s: gateway account %s is gone", row.reference(), row.gatewayAccountId());
      return Uni.createFrom().item(false);
    }
    AcquirerLink link = links.of(account.get());
    String mti = due.attempts() == 0 ? "0400" : due.attempts() == 1 ? "0420" : "0421";
    return journal
        .nextTraceNumber()
        .chain(
            trace -> {
              try {
                return link.request(
                    Iso8583Messages.reversal(
                        account.get(), row, mti, Iso8583Messages.Trace.of(trace, clock.instant())),
                    config.answerTimeout());
              } catch (ISOException e) {
                return Uni.createFrom().failure(e);
              }
            })
        .chain(
            answer -> {
              if (answer != null && ResponseCodes.reversalDone(answer.getString(39))) {
                LOG.infof("reversed %s (RRN %s) with %s", row.reference(), row.rrn(), mti);
                return journal.reversed(row.reference()).replaceWith(true);
              }
              return Uni.createFrom().item(false);
            })
        .onFailure()
        .recoverWithItem(false);
  }
}
