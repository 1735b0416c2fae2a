package dev.payplatform.processor;

import io.smallrye.mutiny.Uni;

/**
 * A real gateway connector: a {@link CardProcessor} for the live charges of every gateway account
 * of its {@link #kind()} (docs/connectors.md). Checkout finds connectors as CDI beans.
 */
public interface LiveConnector extends CardProcessor {
  /** The gateway account kind it serves ({@link GatewayAccount#kind()}). */
  String kind();

  /**
   * Delivers what must reach the acquirer eventually (reversals, advices), for the sweep to call
   * now and then; answers how many were delivered.
   */
  default Uni<Integer> deliverPending() {
    return Uni.createFrom().item(0);
  }
}
