package dev.payplatform.payments.config;

import dev.payplatform.payments.domain.JournalEntry.RefundFee;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The ledger's settings (application.properties, documented in docs/ledger.md). */
@ApplicationScoped
public class LedgerSettings {
  private final boolean enabled;
  private final Duration liveDelay;
  private final Duration testDelay;
  private final RefundFee refundFee;

  public LedgerSettings(
      @ConfigProperty(name = "payments.ledger.enabled", defaultValue = "true") boolean enabled,
      @ConfigProperty(name = "payments.ledger.settlement-delay.live", defaultValue = "P2D")
          Duration liveDelay,
      @ConfigProperty(name = "payments.ledger.settlement-delay.test", defaultValue = "PT0S")
          Duration testDelay,
      @ConfigProperty(name = "payments.ledger.refund-fee", defaultValue = "keep")
          String refundFee) {
    this.enabled = enabled;
    this.liveDelay = liveDelay;
    this.testDelay = testDelay;
    this.refundFee = RefundFee.valueOf(refundFee.strip().toUpperCase(java.util.Locale.ROOT));
    if (liveDelay.isNegative() || testDelay.isNegative()) {
      throw new IllegalArgumentException("payments.ledger.settlement-delay must not be negative");
    }
  }

  void onStart(@Observes StartupEvent start) {
    // Constructing the bean validated the settings: a bad one stops the service at start.
  }

  /** Off only to measure what the ledger costs (bench/run); never in production. */
  public boolean enabled() {
    return enabled;
  }

  public Duration settlementDelay(boolean livemode) {
    return livemode ? liveDelay : testDelay;
  }

  public RefundFee refundFee() {
    return refundFee;
  }
}
