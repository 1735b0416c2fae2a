package dev.payplatform.commons.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

class SweepsTest {
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final Sweeps sweeps = new Sweeps(metrics);

  @Test
  void aCompletedPassIsCountedEvenWhenItResolvedNothing() {
    sweeps.run("idle", () -> Uni.createFrom().item(Sweeps.Pass.NOTHING)).await().indefinitely();
    sweeps.run("idle", () -> Uni.createFrom().item(new Sweeps.Pass(3, 2))).await().indefinitely();

    assertThat(metrics.counter("platform.sweep.passes", "sweep", "idle").count()).isEqualTo(2);
    assertThat(metrics.counter("platform.sweep.resolved", "sweep", "idle").count()).isEqualTo(2);
    assertThat(metrics.get("platform.sweep.overdue").tag("sweep", "idle").gauge().value())
        .isEqualTo(1);
  }

  @Test
  void aFailedPassIsCountedAsAFailureAndNotAsAPass() {
    sweeps
        .run("broken", () -> Uni.createFrom().failure(new IllegalStateException("database gone")))
        .await()
        .indefinitely();

    assertThat(metrics.counter("platform.sweep.failures", "sweep", "broken").count()).isEqualTo(1);
    assertThat(metrics.find("platform.sweep.passes").tag("sweep", "broken").counter()).isNull();
  }
}
