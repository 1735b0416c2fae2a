package dev.payplatform.events.config;

import dev.payplatform.events.domain.AddressPolicy;
import dev.payplatform.events.domain.RetrySchedule;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** events-service's webhook settings (application.properties, documented in docs/webhooks.md). */
@ApplicationScoped
public class WebhookSettings {
  private final RetrySchedule retrySchedule;
  private final Duration disableAfter;
  private final Duration timeout;
  private final Duration lease;
  private final int maxInFlight;
  private final int maxInFlightPerEndpoint;
  private final AddressPolicy addressPolicy;
  private final boolean requireHttpsInLive;
  private final int resendLimit;
  private final Duration resendWindow;

  public WebhookSettings(
      @ConfigProperty(name = "events.webhooks.retry-schedule") List<Duration> retrySchedule,
      @ConfigProperty(name = "events.webhooks.disable-after", defaultValue = "5d")
          Duration disableAfter,
      @ConfigProperty(name = "events.webhooks.timeout", defaultValue = "15s") Duration timeout,
      @ConfigProperty(name = "events.webhooks.lease", defaultValue = "30s") Duration lease,
      @ConfigProperty(name = "events.webhooks.max-in-flight", defaultValue = "64") int maxInFlight,
      @ConfigProperty(name = "events.webhooks.max-in-flight-per-endpoint", defaultValue = "4")
          int maxInFlightPerEndpoint,
      @ConfigProperty(name = "events.webhooks.allowed-networks") Optional<List<String>> allowed,
      @ConfigProperty(name = "events.webhooks.require-https-in-live", defaultValue = "true")
          boolean requireHttpsInLive,
      @ConfigProperty(name = "events.webhooks.resend-limit", defaultValue = "60") int resendLimit,
      @ConfigProperty(name = "events.webhooks.resend-window", defaultValue = "1m")
          Duration resendWindow) {
    this.retrySchedule = new RetrySchedule(retrySchedule);
    this.disableAfter = disableAfter;
    this.timeout = timeout;
    this.lease = lease;
    this.maxInFlight = Math.max(1, maxInFlight);
    this.maxInFlightPerEndpoint = Math.max(1, maxInFlightPerEndpoint);
    this.addressPolicy = AddressPolicy.allowing(allowed.orElse(List.of()));
    this.requireHttpsInLive = requireHttpsInLive;
    this.resendLimit = resendLimit;
    this.resendWindow = resendWindow;
    if (resendLimit < 1 || resendWindow.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "events.webhooks.resend-limit must be at least 1 and resend-window at least 1s");
    }
    if (lease.compareTo(timeout) <= 0) {
      throw new IllegalArgumentException("events.webhooks.lease must be longer than the timeout");
    }
  }

  /** Read at start: a bad setting (a CIDR, a schedule, a lease) stops the service from starting. */
  void onStart(@Observes StartupEvent start) {
    // Constructing the bean validated everything.
  }

  public RetrySchedule retrySchedule() {
    return retrySchedule;
  }

  public Duration disableAfter() {
    return disableAfter;
  }

  public Duration timeout() {
    return timeout;
  }

  public Duration lease() {
    return lease;
  }

  public int maxInFlight() {
    return maxInFlight;
  }

  public int maxInFlightPerEndpoint() {
    return maxInFlightPerEndpoint;
  }

  public AddressPolicy addressPolicy() {
    return addressPolicy;
  }

  public boolean requireHttpsInLive() {
    return requireHttpsInLive;
  }

  /** Resends a merchant may ask for per {@link #resendWindow}, in each mode. */
  public int resendLimit() {
    return resendLimit;
  }

  public Duration resendWindow() {
    return resendWindow;
  }
}
