package dev.payplatform.edge.proxy;

import dev.payplatform.edge.config.EdgeConfig;
import io.smallrye.stork.Stork;
import io.smallrye.stork.integration.DefaultStorkInfrastructure;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where each service answers: {@code edge.upstream.<service>}, one base URL or several (its
 * replicas) separated by commas, each service a {@link UpstreamReplicas}. On Kubernetes each is one
 * address (the service's Service balances) and the choice is a pass-through.
 */
@Singleton
class Upstreams {
  private static final AtomicInteger DEFINITIONS = new AtomicInteger();
  private final Map<String, UpstreamReplicas> byService = new HashMap<>();

  Upstreams(EdgeConfig config) {
    // The edge's own Stork, not the global one: nothing else defines or looks up these services.
    Stork stork = new Stork(new DefaultStorkInfrastructure());
    config
        .upstream()
        .forEach(
            (service, bases) ->
                byService.put(
                    service,
                    UpstreamReplicas.define(
                        stork,
                        service,
                        "edge-upstream-" + service + "-" + DEFINITIONS.incrementAndGet(),
                        bases)));
  }

  /** The service's replicas; null when it has no {@code edge.upstream.<service>}. */
  UpstreamReplicas of(String service) {
    return byService.get(service);
  }
}
