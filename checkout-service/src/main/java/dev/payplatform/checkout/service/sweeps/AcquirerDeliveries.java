package dev.payplatform.checkout.service.sweeps;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.processor.CardProcessors;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.processor.LiveConnector;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;

/**
 * What live connectors must still deliver to their acquirers: reversals until acknowledged
 * (docs/connectors.md). Every connector is asked once a pass.
 */
@ApplicationScoped
public class AcquirerDeliveries implements Sweep {
  private final CardProcessors processors;
  private final Sweep.Schedule schedule;

  public AcquirerDeliveries(CardProcessors processors, CheckoutConfig config) {
    this.processors = processors;
    this.schedule =
        new Sweep.Schedule(
            "checkout.acquirer-deliveries", config.gatewayAccounts().deliveryInterval());
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  @Override
  public Uni<Sweeps.Pass> pass() {
    return Multi.createFrom()
        .iterable(processors.connectors())
        .onItem()
        .transformToUniAndConcatenate(LiveConnector::deliverPending)
        .collect()
        .with(Collectors.summingInt(Integer::intValue))
        .map(n -> new Sweeps.Pass(n, n));
  }
}
