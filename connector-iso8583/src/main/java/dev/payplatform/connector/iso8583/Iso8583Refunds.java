package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import dev.payplatform.processor.RefundResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/**
 * Referenced refunds (docs/connectors.md): 0200 with processing code 200000 naming its purchase by
 * DE 90, journaled under the refund id, so a repeated refund answers the first one's outcome and a
 * refund sent before a crash is reversed. Money already taken goes back even when the account no
 * longer takes new charges.
 */
@ApplicationScoped
public class Iso8583Refunds {
  private final AcquirerLinks links;
  private final Iso8583Journal journal;
  private final Reversals reversals;
  private final Exchanges exchanges;
  private final InstantSource clock;

  public Iso8583Refunds(
      AcquirerLinks links,
      Iso8583Journal journal,
      Reversals reversals,
      Exchanges exchanges,
      InstantSource clock) {
    this.links = links;
    this.journal = journal;
    this.reversals = reversals;
    this.exchanges = exchanges;
    this.clock = clock;
  }

  Uni<RefundResult> refund(
      ProcessorAccount account, String chargeRef, long amount, String currency, String refundId) {
    return journal
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
                return Uni.createFrom().item(outcome(existing.get()));
              }
              return journal
                  .findByRrn(chargeRef)
                  .chain(
                      purchase ->
                          purchase.isEmpty() || !JournalRow.APPROVED.equals(purchase.get().state())
                              ? Uni.createFrom().item(RefundResult.failed("charge_not_found"))
                              : send(account, purchase.get(), amount, currency, refundId));
            });
  }

  private Uni<RefundResult> send(
      ProcessorAccount account,
      JournalRow purchase,
      long amount,
      String currency,
      String refundId) {
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
                        Exchanges.Message message =
                            () ->
                                Iso8583Messages.refund(
                                    link.get().account(), purchase, amount, currency, t);
                        return journal
                            .begin(row)
                            .chain(
                                fresh ->
                                    fresh
                                        ? exchanges
                                            .send(link.get(), row, message)
                                            .map(Iso8583Refunds::outcome)
                                        : journal
                                            .find(refundId)
                                            .map(r -> outcome(r.orElseThrow())));
                      });
            });
  }

  private static RefundResult outcome(ProcessorResult answer) {
    return answer.outcome() == ProcessorResult.Outcome.SUCCEEDED
        ? RefundResult.ok(answer.chargeRef())
        : RefundResult.failed(answer.declineReason());
  }

  private static RefundResult outcome(JournalRow row) {
    return switch (row.state()) {
      case JournalRow.APPROVED -> RefundResult.ok(row.rrn());
      case JournalRow.DECLINED ->
          RefundResult.failed(ResponseCodes.declineReason(row.responseCode()));
      default -> RefundResult.failed(DeclineReasons.PROCESSING_ERROR);
    };
  }
}
