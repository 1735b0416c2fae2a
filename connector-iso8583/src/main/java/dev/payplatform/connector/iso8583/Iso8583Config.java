package dev.payplatform.connector.iso8583;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The ISO 8583 connector's settings ({@code connector.iso8583.*}, docs/connectors.md). */
@ConfigMapping(prefix = "connector.iso8583")
public interface Iso8583Config {
  /**
   * How long a financial request waits for its answer before it is given up and reversed (the buyer
   * then sees {@code processing_error}, and no charge stands).
   */
  @WithDefault("10s")
  Duration answerTimeout();

  /**
   * An idle link sends an echo (0800, DE 70 = 301) this often; a link whose echo fails reconnects.
   */
  @WithDefault("30s")
  Duration echoInterval();

  /** How long a closed link waits before it connects again. */
  @WithDefault("2s")
  Duration reconnectDelay();

  /** How long a reversal waits for its answer before it is repeated as an advice (0420/0421). */
  @WithDefault("10s")
  Duration reversalRetry();
}
