package dev.payplatform.vault;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code platform_vault_operations}: the vault's operations, by outcome (docs/vault.md). */
@ApplicationScoped
public class VaultMetrics {
  private final MeterRegistry metrics;

  public VaultMetrics(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  void count(String operation, String outcome) {
    Counter.builder("platform_vault_operations")
        .description("Card vault operations, by outcome")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(metrics)
        .increment();
  }
}
