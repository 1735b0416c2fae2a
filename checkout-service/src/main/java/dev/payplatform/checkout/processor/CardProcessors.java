package dev.payplatform.checkout.processor;

import dev.payplatform.checkout.processor.sandbox.SandboxProcessor;
import dev.payplatform.processor.CardProcessor;
import dev.payplatform.processor.GatewayAccount;
import dev.payplatform.processor.GatewayAccounts;
import dev.payplatform.processor.LiveConnector;
import dev.payplatform.processor.ProcessorAccount;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Picks the processor for a charge: the sandbox in test mode; in live mode the connector of the
 * merchant's gateway account's kind (docs/connectors.md), or none, and then the charge is refused
 * ({@code live_mode_unavailable}), never run through the sandbox.
 */
@ApplicationScoped
public class CardProcessors {
  private final SandboxProcessor sandbox;
  private final List<LiveConnector> connectors;
  private final GatewayAccounts accounts;

  public CardProcessors(
      SandboxProcessor sandbox, @All List<LiveConnector> connectors, GatewayAccounts accounts) {
    this.sandbox = sandbox;
    this.connectors = connectors;
    this.accounts = accounts;
  }

  public Optional<CardProcessor> forAccount(ProcessorAccount account) {
    if (!account.livemode()) {
      return Optional.of(sandbox);
    }
    return accounts
        .find(account.gatewayAccountId())
        .filter(GatewayAccount::enabled)
        .flatMap(this::connectorOf);
  }

  /**
   * The processor that holds what an account's earlier charges did, for lookups and refunds: the
   * connector of the account's kind even when the account is disabled now, so a charge still in
   * processing is resolved by asking it (never assumed to have done nothing) and a captured charge
   * can still be refunded.
   */
  public Optional<CardProcessor> serving(ProcessorAccount account) {
    if (!account.livemode()) {
      return Optional.of(sandbox);
    }
    return accounts.find(account.gatewayAccountId()).flatMap(this::connectorOf);
  }

  /** Why {@link #forAccount} found no processor for a live charge, for the merchant and buyer. */
  public String whyUnavailable(ProcessorAccount account) {
    String id = account.gatewayAccountId();
    if (id == null) {
      return "Live payments are not available: this merchant has no gateway account. No charge"
          + " was made.";
    }
    Optional<GatewayAccount> gatewayAccount = accounts.find(id);
    if (gatewayAccount.isEmpty()) {
      return "Live payments are not available: gatewayAccount account "
          + id
          + " does not exist. No"
          + " charge was made.";
    }
    if (!gatewayAccount.get().enabled()) {
      return "Live payments are not available: gatewayAccount account "
          + id
          + " is disabled. No charge"
          + " was made.";
    }
    return "Live payments are not available: no connector serves gatewayAccount account "
        + id
        + " (kind "
        + gatewayAccount.get().kind()
        + "). No charge was made.";
  }

  private Optional<CardProcessor> connectorOf(GatewayAccount gatewayAccount) {
    return connectors.stream()
        .filter(c -> c.kind().equals(gatewayAccount.kind()))
        .<CardProcessor>map(c -> c)
        .findFirst();
  }

  public List<LiveConnector> connectors() {
    return connectors;
  }
}
