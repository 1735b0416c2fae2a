package dev.payplatform.edge.proxy;

import io.smallrye.stork.Stork;
import io.smallrye.stork.api.Service;
import io.smallrye.stork.api.ServiceDefinition;
import io.smallrye.stork.api.ServiceInstance;
import io.smallrye.stork.loadbalancer.leastresponsetime.LeastResponseTimeConfiguration;
import io.smallrye.stork.servicediscovery.staticlist.StaticConfiguration;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One service's replicas as a SmallRye Stork service: a static list of addresses, one chosen per
 * request by least response time (docs/decisions/0033). A replica that refuses the connection is
 * recorded as failed, so Stork's error penalty keeps the next requests off it while another
 * answers, and this request goes on to the next replica: nothing was sent, so any method may go
 * again. A failure after the connection (a timeout, a reset) is recorded too but never retried: the
 * service may have acted.
 */
final class UpstreamReplicas {
  private final Service service;
  private final List<ServiceInstance> instances;

  private UpstreamReplicas(Service service, List<ServiceInstance> instances) {
    this.service = service;
    this.instances = instances;
  }

  /**
   * Defines the service {@code name}'s replicas in {@code stork} as {@code storkName} from its base
   * URLs ({@code scheme://host:port}, comma separated). Stork's static lists are kept by name
   * across Stork instances, so each definition needs a name of its own.
   */
  static UpstreamReplicas define(Stork stork, String name, String storkName, String baseUrls) {
    List<String> addresses = new ArrayList<>();
    boolean secure = false;
    for (String base : baseUrls.split(",")) {
      URI uri = URI.create(base.trim());
      if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty())) {
        throw new IllegalStateException(
            "edge.upstream." + name + ": '" + base + "' is not a base URL (scheme://host:port)");
      }
      secure = "https".equals(uri.getScheme());
      int port = uri.getPort() > 0 ? uri.getPort() : (secure ? 443 : 80);
      addresses.add(uri.getHost() + ":" + port);
    }
    stork.defineIfAbsent(
        storkName,
        ServiceDefinition.of(
            new StaticConfiguration()
                .withAddressList(String.join(",", addresses))
                .withSecure(Boolean.toString(secure)),
            new LeastResponseTimeConfiguration()));
    Service service = stork.getService(storkName);
    // A static list answers at once (never blocking, so any thread may define one), and is never
    // looked up again.
    List<ServiceInstance> instances =
        service.getInstances().subscribeAsCompletionStage().toCompletableFuture().getNow(null);
    if (instances == null || instances.isEmpty()) {
      throw new IllegalStateException(
          "edge.upstream." + name + ": no replica in '" + baseUrls + "'");
    }
    return new UpstreamReplicas(service, List.copyOf(instances));
  }

  /**
   * Opens a request to one replica: {@code open} gets the chosen replica's base URL. A replica that
   * cannot be connected to is recorded and the next one tried; the answer, or a failure after the
   * connection, is recorded on the replica that got the request.
   */
  Future<HttpClientRequest> open(Function<String, Future<HttpClientRequest>> open) {
    return attempt(instances, open);
  }

  private Future<HttpClientRequest> attempt(
      List<ServiceInstance> remaining, Function<String, Future<HttpClientRequest>> open) {
    ServiceInstance chosen = service.selectInstanceAndRecordStart(remaining, true);
    return open.apply(base(chosen))
        .onSuccess(
            request ->
                request
                    .response()
                    .onSuccess(
                        response -> {
                          chosen.recordReply();
                          chosen.recordEnd(null);
                        })
                    .onFailure(chosen::recordEnd))
        .recover(
            failure -> {
              chosen.recordEnd(failure);
              List<ServiceInstance> others = new ArrayList<>(remaining);
              // By id: what Stork hands back may wrap the listed instance.
              others.removeIf(instance -> instance.getId() == chosen.getId());
              return Forward.neverSent(failure) && !others.isEmpty()
                  ? attempt(others, open)
                  : Future.failedFuture(failure);
            });
  }

  private static String base(ServiceInstance instance) {
    return (instance.isSecure() ? "https://" : "http://")
        + instance.getHost()
        + ":"
        + instance.getPort();
  }

  @Override
  public String toString() {
    return instances.stream().map(UpstreamReplicas::base).collect(Collectors.joining(","));
  }
}
