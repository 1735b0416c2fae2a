package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.CardDetails;
import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.LiveConnector;
import dev.payplatform.processor.NetworkDetails;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import dev.payplatform.processor.RefundResult;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;

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
  private static final Logger LOG = Logger.getLogger(Iso8583Connector.class);

  private final AcquirerLinks links;
  private final Reversals reversals;
  private final Iso8583Journal journal;
  private final Iso8583Settings settings;
  private final InstantSource clock;

  public Iso8583Connector(
      AcquirerLinks links,
      Reversals reversals,
      Iso8583Journal journal,
      Iso8583Settings settings,
      InstantSource clock) {
    this.links = links;
    this.reversals = reversals;
    this.journal = journal;
    this.settings = settings;
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
    return onCallersContext(
        links
            .connected(account.gatewayAccountId(), AcquirerLinks.Use.NEW_CHARGE)
            .chain(
                link -> {
                  if (link.isEmpty()) {
                    return Uni.createFrom().item(unavailable());
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
                                            ? send(
                                                link.get(),
                                                row,
                                                () ->
                                                    Iso8583Messages.purchase(
                                                        link.get().account(),
                                                        card,
                                                        amount,
                                                        currency,
                                                        t))
                                            : recorded(reference));
                          });
                }));
  }

  /** Sends a journaled purchase and applies its answer, or reverses it when none comes. */
  private Uni<ProcessorResult> send(AcquirerLink link, JournalRow row, Message message) {
    ISOMsg request;
    try {
      request = message.build();
    } catch (ISOException e) {
      return Uni.createFrom().failure(e);
    }
    return link.request(request, settings.answerTimeout())
        .chain(
            answer -> {
              if (answer == null) {
                LOG.warnf(
                    "no answer from the acquirer to %s (RRN %s) within %s: reversing",
                    row.reference(), row.rrn(), settings.answerTimeout());
                // The buyer hears at once; the reversal goes on without them (0400, then advices).
                return reversals.startInBackground(row.reference()).replaceWith(unavailable());
              }
              String code = answer.getString(39);
              String authorization = answer.getString(38);
              boolean approved = ResponseCodes.approved(code);
              return journal
                  .answered(row.reference(), approved, code, approved ? authorization : null)
                  .chain(
                      recorded ->
                          recorded
                              ? Uni.createFrom().item(result(row, approved, code, authorization))
                              // The answer came too late: a lookup already started the reversal.
                              : recorded(row.reference()));
            });
  }

  @Override
  public Uni<Optional<ProcessorResult>> lookup(ProcessorAccount account, String reference) {
    return onCallersContext(
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
                                    result(
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
    return onCallersContext(
        journal
            .find(refundId)
            .chain(
                existing -> {
                  if (existing.isPresent() && JournalRow.SENT.equals(existing.get().state())) {
                    // Sent before a crash, never answered: undo it, and say it failed.
                    return reversals
                        .startInBackground(refundId)
                        .replaceWith(RefundResult.failed(DeclineReasons.PROCESSING_ERROR));
                  }
                  if (existing.isPresent()) {
                    return Uni.createFrom().item(refundOutcome(existing.get()));
                  }
                  return journal
                      .findByRrn(chargeRef)
                      .chain(
                          purchase ->
                              purchase.isEmpty()
                                      || !JournalRow.APPROVED.equals(purchase.get().state())
                                  ? Uni.createFrom().item(RefundResult.failed("charge_not_found"))
                                  : sendRefund(
                                      account, purchase.get(), amount, currency, refundId));
                }));
  }

  private Uni<RefundResult> sendRefund(
      ProcessorAccount account,
      JournalRow purchase,
      long amount,
      String currency,
      String refundId) {
    // Money already taken goes back even when the account no longer takes new charges.
    return links
        .connected(account.gatewayAccountId(), AcquirerLinks.Use.EXISTING_MONEY)
        .chain(
            link -> {
              if (link.isEmpty()) {
                return Uni.createFrom().item(RefundResult.failed(DeclineReasons.PROCESSING_ERROR));
              }
              return journal
                  .nextTraceNumber()
                  .chain(
                      trace -> {
                        Iso8583Messages.Trace t = Iso8583Messages.Trace.of(trace, clock.instant());
                        JournalRow row =
                            JournalRow.sent(
                                refundId,
                                link.get().account().id(),
                                JournalRow.REFUND,
                                t,
                                amount,
                                currency,
                                purchase.reference(),
                                null);
                        return journal
                            .begin(row)
                            .chain(
                                fresh ->
                                    fresh
                                        ? send(
                                                link.get(),
                                                row,
                                                () ->
                                                    Iso8583Messages.refund(
                                                        link.get().account(),
                                                        purchase,
                                                        amount,
                                                        currency,
                                                        t))
                                            .replaceWith(journal.find(refundId))
                                            .map(r -> refundOutcome(r.orElseThrow()))
                                        : journal
                                            .find(refundId)
                                            .map(r -> refundOutcome(r.orElseThrow())));
                      });
            });
  }

  private static RefundResult refundOutcome(JournalRow row) {
    return switch (row.state()) {
      case JournalRow.APPROVED -> RefundResult.ok(row.rrn());
      case JournalRow.DECLINED ->
          RefundResult.failed(ResponseCodes.declineReason(row.responseCode()));
      default -> RefundResult.failed(DeclineReasons.PROCESSING_ERROR);
    };
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

  private Uni<ProcessorResult> recorded(String reference) {
    return journal
        .find(reference)
        .map(
            r ->
                r.filter(row -> !JournalRow.SENT.equals(row.state()))
                    .map(
                        row ->
                            switch (row.state()) {
                              case JournalRow.APPROVED, JournalRow.DECLINED ->
                                  result(
                                      row,
                                      JournalRow.APPROVED.equals(row.state()),
                                      row.responseCode(),
                                      row.authorizationCode());
                              default -> unavailable();
                            })
                    .orElseGet(Iso8583Connector::unavailable));
  }

  private static ProcessorResult result(
      JournalRow row, boolean approved, String code, String authorization) {
    NetworkDetails network = new NetworkDetails(authorization, row.rrn(), code);
    return (approved
            ? ProcessorResult.succeeded(row.card(), row.rrn(), null)
            : ProcessorResult.declined(row.card(), ResponseCodes.declineReason(code)))
        .withNetwork(network);
  }

  /** The acquirer could not be asked or did not answer: nothing was charged, try again. */
  private static ProcessorResult unavailable() {
    return ProcessorResult.declined(null, DeclineReasons.PROCESSING_ERROR);
  }

  /** Hibernate Reactive callers continue on their own Vert.x context, not on jPOS's threads. */
  private static <T> Uni<T> onCallersContext(Uni<T> uni) {
    return Uni.createFrom()
        .deferred(
            () -> {
              Context context = Vertx.currentContext();
              return context == null
                  ? uni
                  : uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
            });
  }

  @FunctionalInterface
  private interface Message {
    ISOMsg build() throws ISOException;
  }
}
