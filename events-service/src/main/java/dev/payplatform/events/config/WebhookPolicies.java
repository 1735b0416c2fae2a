package dev.payplatform.events.config;

import dev.payplatform.events.domain.AddressPolicy;
import dev.payplatform.events.domain.RetrySchedule;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What {@link EventsConfig}'s webhook settings make (the retry schedule, the address policy) and
 * the checks across settings, at start: a bad setting (a CIDR, a schedule, a lease) stops the
 * service from starting.
 */
@ApplicationScoped
public class WebhookPolicies {

  @Produces
  @Singleton
  RetrySchedule retrySchedule(EventsConfig config) {
    return new RetrySchedule(config.webhooks().retrySchedule());
  }

  @Produces
  @Singleton
  AddressPolicy addressPolicy(EventsConfig config) {
    return AddressPolicy.allowing(config.webhooks().allowedNetworks().orElse(List.of()));
  }

  void onStart(
      @Observes StartupEvent start,
      EventsConfig config,
      RetrySchedule schedule,
      AddressPolicy policy) {
    EventsConfig.Webhooks webhooks = config.webhooks();
    if (webhooks.resendLimit() < 1 || webhooks.resendWindow().toSeconds() < 1) {
      throw new IllegalArgumentException(
          "events.webhooks.resend-limit must be at least 1 and resend-window at least 1s");
    }
    if (webhooks.lease().compareTo(webhooks.timeout()) <= 0) {
      throw new IllegalArgumentException("events.webhooks.lease must be longer than the timeout");
    }
  }
}
