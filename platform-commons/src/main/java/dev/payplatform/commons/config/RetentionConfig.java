package dev.payplatform.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the retention sweeps run ({@link dev.payplatform.commons.retention.RetentionSweep}); how long
 * each kind of row is kept is the owning service's setting.
 */
@ConfigMapping(prefix = "platform.retention")
public interface RetentionConfig {
  /** How often each retention sweep runs. */
  @WithDefault("10m")
  Duration every();

  /** Rows deleted per transaction: short transactions, short locks. */
  @WithDefault("1000")
  int batch();

  /** Batches per pass at most; the rest waits for the next pass (a backlog drains over passes). */
  @WithDefault("100")
  int maxBatchesPerPass();
}
