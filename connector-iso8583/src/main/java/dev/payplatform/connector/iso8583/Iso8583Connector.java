package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.CardDetails;
import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.LiveConnector;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import dev.payplatform.processor.RefundResult;
import dev.payplatform.vault.CardVault;
import dev.payplatform.vault.StoredCard;
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
  private final CardVault vault;
  private final InstantSource clock;

  public Iso8583Connector(
      AcquirerLinks links,
      Reversals reversals,
      Iso8583Journal journal,
      Exchanges exchanges,
      Iso8583Refunds refunds,
      CardVault vault,
      InstantSource clock) {
    this.links = links;
    this.reversals = reversals;
    this.journal = journal;
    this.exchanges = exchanges;
    this.refunds = refunds;
    this.vault = vault;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /**
   * A purchase the buyer makes (on-session). With {@code savePaymentMethod} the card goes into the
   * vault first (its token is journaled with the request) and the purchase carries the
   * stored-credential indicators of an initial transaction; an approval marks the credential
   * stored, anything else removes the card from the vault again.
   */
  @Override
  public Uni<ProcessorResult> authorize(
      ProcessorAccount account,
      CardDetails card,
      long amount,
      String currency,
      boolean savePaymentMethod,
      String reference) {
    if (!savePaymentMethod || !vault.usable()) {
      return purchase(account, card, amount, currency, reference, StoredCredential.NONE, null);
    }
    return Exchanges.onCallersContext(
        vault
            .store(account.merchantId(), account.livemode(), card)
            .chain(
                token ->
                    purchase(
                            account,
                            card,
                            amount,
                            currency,
                            reference,
                            StoredCredential.INITIAL,
                            token)
                        .call(
                            result -> {
                              if (token.equals(result.paymentMethodId())) {
                                return vault.markStored(
                                    token,
                                    result.network() == null
                                        ? null
                                        : result.network().retrievalReferenceNumber());
                              }
                              // Declined, or the reference was used before: keep nothing.
                              return vault.discard(token);
                            })));
  }

  /**
   * A renewal or an invoice charged without the buyer: the card number comes from the vault for
   * this one request, with the indicators of a recurring merchant-initiated transaction naming the
   * initial one. An unknown token (another merchant's, or removed) declines {@code card_declined}.
   */
  @Override
  public Uni<ProcessorResult> chargeSaved(
      ProcessorAccount account,
      String paymentMethodId,
      long amount,
      String currency,
      String reference) {
    return Exchanges.onCallersContext(
        vault
            .reveal(account.merchantId(), account.livemode(), paymentMethodId)
            .chain(
                stored -> {
                  if (stored.isEmpty()) {
                    return Uni.createFrom()
                        .item(
                            ProcessorResult.declined(
                                null,
                                DeclineReasons.CARD_DECLINED,
                                "No saved card " + paymentMethodId + " for this merchant."));
                  }
                  StoredCard c = stored.get();
                  CardDetails card =
                      new CardDetails(c.number(), "", c.expMonth(), c.expYear(), null);
                  return purchase(
                      account,
                      card,
                      amount,
                      currency,
                      reference,
                      StoredCredential.recurring(c.networkReference()),
                      paymentMethodId);
                }));
  }

  private Uni<ProcessorResult> purchase(
      ProcessorAccount account,
      CardDetails card,
      long amount,
      String currency,
      String reference,
      StoredCredential credential,
      String paymentMethodId) {
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
                                    card.summary(null, null),
                                    paymentMethodId);
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
                                                        t,
                                                        credential))
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

  /** Live charges are never challenged here (docs/connectors.md, 3-D Secure). */
  @Override
  public Uni<ProcessorResult> completeChallenge(
      ProcessorAccount account, String authenticationRef, boolean authenticated, String reference) {
    return Uni.createFrom()
        .item(ProcessorResult.declined(null, DeclineReasons.AUTHENTICATION_FAILED));
  }
}
