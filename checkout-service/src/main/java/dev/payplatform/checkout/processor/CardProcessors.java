package dev.payplatform.checkout.processor;

import dev.payplatform.checkout.processor.sandbox.SandboxProcessor;
import dev.payplatform.processor.CardProcessor;
import dev.payplatform.processor.LiveConnector;
import dev.payplatform.processor.ProcessorAccount;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Picks the processor for a charge: the sandbox in test mode; in live mode the connector serving
 * the merchant's gateway account, or none, and then the charge is refused ({@code
 * live_mode_unavailable}), never run through the sandbox.
 */
@ApplicationScoped
public class CardProcessors {
  private final SandboxProcessor sandbox;
  private final List<LiveConnector> connectors;

  public CardProcessors(SandboxProcessor sandbox, @All List<LiveConnector> connectors) {
    this.sandbox = sandbox;
    this.connectors = connectors;
  }

  public Optional<CardProcessor> forAccount(ProcessorAccount account) {
    if (!account.livemode()) {
      return Optional.of(sandbox);
    }
    if (account.gatewayAccountId() == null) {
      return Optional.empty();
    }
    return connectors.stream()
        .filter(c -> c.serves(account.gatewayAccountId()))
        .<CardProcessor>map(c -> c)
        .findFirst();
  }
}
