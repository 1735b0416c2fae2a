package dev.payplatform.edge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The operator API's settings: its token and how long a rolled key keeps working. They sit directly
 * under {@code edge.} (the deploy scripts set {@code edge.admin-token}).
 */
@ConfigMapping(prefix = "edge")
public interface AdminConfig {
  /** Operator token for {@code /admin/**} (EDGE_ADMIN_TOKEN; Kubernetes: a Secret). No default. */
  String adminToken();

  /** How long a rolled key keeps working when the roll names no grace period. */
  @WithDefault("24h")
  Duration keyRollGrace();
}
