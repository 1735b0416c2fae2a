package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.CardDetails;
import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.LiveConnector;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import dev.payplatform.processor.RefundResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The live connector to an acquirer over ISO 8583 (docs/connectors.md). Every money-moving request
 * is journaled under its idempotent reference before it leaves ({@link Iso8583Journal}); a request
 * whose answer does not come in time is reversed (0400, then 0420/0421 until acknowledged), so its
 * outcome is final: no charge. {@link #lookup} answers from the journal, and reverses what is still
 * waiting.
 */
@ApplicationScoped
public class Iso8583Connector implements LiveConnector {
  public static final String KIND = "iso8583";

  private final AcquirerLinks links;
  private final Reversals reversals;
  private final Iso8583Journal journal;
  private final Exchanges exchanges;
  private final Iso8583Refunds refunds;
  private final InstantSource clock;

  public Iso8583Connector(
      AcquirerLinks links,
      Reversals reversals,
      Iso8583Journal journal,
      Exchanges exchanges,
      Iso8583Refunds refunds,
      InstantSource clock) {
    this.links = links;
    this.reversals = reversals;
    this.journal = journal;
    this.exchanges = exchanges;
    this.refunds = refunds;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Uni<ProcessorResult> authorize(
      ProcessorAccount account,
      CardDetails card,
      long amount,
      String currency,
      boolean savePaymentMethod,
      String reference) {
    return Exchanges.onCallersContext(
        links
            .connected(account.gatewayAccountId(), AcquirerLinks.Use.NEW_CHARGE)
            .chain(
                link -> {
                  if (link.isEmpty()) {
                    return Uni.createFrom().item(Exchanges.unavailable());
                  }
                  return journal
                      .nextTraceNumber()
                      .chain(
                          trace -> {
                            Iso8583Messages.Trace t =
                                Iso8583Messages.Trace.of(trace, clock.instant());
                            JournalRow row =
                                JournalRow.sent(
                                    reference,
                                    link.get().account().id(),
                                    JournalRow.PURCHASE,
                                    t,
                                    amount,
                                    currency,
                                    null,
                                    card.summary(null, null));
                            return journal
                                .begin(row)
                                .chain(
                                    fresh ->
                                        fresh
                                            ? exchanges.send(
                                                link.get(),
                                                row,
                                                () ->
                                                    Iso8583Messages.purchase(
                                                        link.get().account(),
                                                        card,
                                                        amount,
                                                        currency,
                                                        t))
                                            : exchanges.recorded(reference));
                          });
                }));
  }

  @Override
  public Uni<Optional<ProcessorResult>> lookup(ProcessorAccount account, String reference) {
    return Exchanges.onCallersContext(
        journal
            .find(reference)
            .chain(
                found -> {
                  if (found.isEmpty()) {
                    // Never sent: a row now keeps the reference from ever being sent.
                    return journal
                        .begin(
                            new JournalRow(
                                reference,
                                account.gatewayAccountId(),
                                JournalRow.PURCHASE,
                                null,
                                null,
                                null,
                                0,
                                "XXX",
                                null,
                                JournalRow.REVERSED,
                                null,
                                null,
                                null))
                        .chain(fresh -> fresh ? none() : lookupAgain(account, reference));
                  }
                  JournalRow row = found.get();
                  return switch (row.state()) {
                    case JournalRow.APPROVED, JournalRow.DECLINED ->
                        Uni.createFrom()
                            .item(
                                Optional.of(
                                    Exchanges.result(
                                        row,
                                        JournalRow.APPROVED.equals(row.state()),
                                        row.responseCode(),
                                        row.authorizationCode())));
                    case JournalRow.SENT ->
                        reversals
                            .startInBackground(reference)
                            .chain(started -> started ? none() : lookupAgain(account, reference));
                    default -> none();
                  };
                }));
  }

  private Uni<Optional<ProcessorResult>> lookupAgain(ProcessorAccount account, String reference) {
    return Uni.createFrom().deferred(() -> lookup(account, reference));
  }

  private static Uni<Optional<ProcessorResult>> none() {
    return Uni.createFrom().item(Optional.empty());
  }

  @Override
  public Uni<RefundResult> refund(
      ProcessorAccount account, String chargeRef, long amount, String currency, String refundId) {
    return Exchanges.onCallersContext(
        refunds.refund(account, chargeRef, amount, currency, refundId));
  }

  /** Sends the reversals due now (the deliveries sweep). */
  @Override
  public Uni<Integer> deliverPending() {
    return reversals.deliverDue();
  }

  /** No vault yet (docs/connectors.md): a live off-session charge has no card number to send. */
  @Override
  public Uni<ProcessorResult> chargeSaved(
      ProcessorAccount account,
      String paymentMethodId,
      long amount,
      String currency,
      String reference) {
    return Uni.createFrom()
        .item(ProcessorResult.declined(null, DeclineReasons.OFF_SESSION_UNAVAILABLE));
  }

  /** Live charges are never challenged here (docs/connectors.md, 3-D Secure). */
  @Override
  public Uni<ProcessorResult> completeChallenge(
      ProcessorAccount account, String authenticationRef, boolean authenticated, String reference) {
    return Uni.createFrom()
        .item(ProcessorResult.declined(null, DeclineReasons.AUTHENTICATION_FAILED));
  }
}
