package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.NetworkDetails;
import dev.payplatform.processor.ProcessorResult;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;

/**
 * One journaled financial request and its answer (docs/connectors.md, the journal): sends it,
 * records the acquirer's answer if the request is still waiting for it, and gives up to a reversal
 * when no answer comes in time. Purchases and refunds both go through here.
 */
@ApplicationScoped
public class Exchanges {
  private static final Logger LOG = Logger.getLogger(Exchanges.class);

  private final Iso8583Journal journal;
  private final Reversals reversals;
  private final Iso8583Config config;

  public Exchanges(Iso8583Journal journal, Reversals reversals, Iso8583Config config) {
    this.journal = journal;
    this.reversals = reversals;
    this.config = config;
  }

  /** Builds a request once its journal row exists; building may fail on a bad field. */
  @FunctionalInterface
  interface Message {
    ISOMsg build() throws ISOException;
  }

  /** Sends a journaled request and applies its answer, or reverses it when none comes. */
  Uni<ProcessorResult> send(AcquirerLink link, JournalRow row, Message message) {
    ISOMsg request;
    try {
      request = message.build();
    } catch (ISOException e) {
      return Uni.createFrom().failure(e);
    }
    return link.request(request, config.answerTimeout())
        .chain(
            answer -> {
              if (answer == null) {
                LOG.warnf(
                    "no answer from the acquirer to %s (RRN %s) within %s: reversing",
                    row.reference(), row.rrn(), config.answerTimeout());
                // The caller hears at once; the reversal goes on without them (0400, then advices).
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

  /** What the journal holds for a request no longer waiting; {@code processing_error} else. */
  Uni<ProcessorResult> recorded(String reference) {
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
                    .orElseGet(Exchanges::unavailable));
  }

  static ProcessorResult result(
      JournalRow row, boolean approved, String code, String authorization) {
    NetworkDetails network = new NetworkDetails(authorization, row.rrn(), code);
    return (approved
            ? ProcessorResult.succeeded(row.card(), row.rrn(), row.paymentMethodId())
            : ProcessorResult.declined(row.card(), ResponseCodes.declineReason(code)))
        .withNetwork(network);
  }

  /** The acquirer could not be asked or did not answer: nothing was charged, try again. */
  static ProcessorResult unavailable() {
    return ProcessorResult.declined(null, DeclineReasons.PROCESSING_ERROR);
  }

  /** Hibernate Reactive callers continue on their own Vert.x context, not on jPOS's threads. */
  static <T> Uni<T> onCallersContext(Uni<T> uni) {
    return Uni.createFrom()
        .deferred(
            () -> {
              Context context = Vertx.currentContext();
              return context == null
                  ? uni
                  : uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
            });
  }
}
