package dev.payplatform.checkout.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/** checkout-service's own settings (application.properties, {@code checkout.*}). */
@ConfigMapping(prefix = "checkout")
public interface CheckoutConfig {
  Session session();

  Intent intent();

  Fraud fraud();

  RequestLog requestLog();

  Faults faults();

  /** {@code checkout.gateway.*}: the processor's gateway accounts. */
  @io.smallrye.config.WithName("gateway")
  GatewayAccounts gatewayAccounts();

  /** {@code checkout.reconciliation.*}: the acquirer settlement reconciliation. */
  Reconciliation reconciliation();

  /** {@code checkout.sandbox.*}: the test-mode processor. */
  Sandbox sandbox();

  /** The sandbox processor's disputes (docs/disputes.md). */
  interface Sandbox {
    /** How long after a disputing test card's charge its cardholder disputes it. */
    @io.smallrye.config.WithDefault("10s")
    Duration disputeDelay();

    /** How often the sandbox looks for charges whose dispute is due (SandboxDisputes). */
    @io.smallrye.config.WithDefault("2s")
    Duration disputeSweepInterval();
  }

  /** Reconciliation of the acquirers' settlement reports (docs/connectors.md). */
  interface Reconciliation {
    /**
     * Where the acquirers' settlement reports arrive, one {@code YYYY-MM-DD.csv} per business day;
     * without it nothing is reconciled. Locally the acquirer host's {@code settlement} directory.
     */
    java.util.Optional<String> reportDirectory();

    /** How often the daily job looks for closed business days whose report has arrived. */
    @io.smallrye.config.WithDefault("15m")
    Duration interval();

    /** How many closed days back the job looks for a report not yet reconciled. */
    @io.smallrye.config.WithDefault("7")
    int lookBackDays();
  }

  /** Gateway accounts (docs/connectors.md). */
  interface GatewayAccounts {
    /** How often every replica rereads the gateway accounts (an operator's change anywhere). */
    @io.smallrye.config.WithDefault("5s")
    Duration refreshInterval();

    /**
     * AES-256 key (64 hex digits or base64) sealing the accounts' credentials at rest; locally
     * CHECKOUT_GATEWAY_SEALING_KEY. Accounts without credentials work without it.
     */
    java.util.Optional<String> sealingKey();

    /** How often what live connectors owe their acquirers (reversals) is delivered again. */
    @io.smallrye.config.WithDefault("5s")
    Duration deliveryInterval();
  }

  interface Session {
    /** How long a new session stays open. */
    Duration ttl();

    /** How often the sweep marks expired sessions. */
    Duration sweepInterval();
  }

  interface Intent {
    /** Failed confirmations after which an intent is canceled (card-testing defence). */
    int maxFailedAttempts();

    /**
     * How long an intent may stay in processing before reconciliation asks the processor what
     * happened; longer than any processor call may take.
     */
    Duration processingDeadline();

    /** How often the reconciliation sweep looks for intents past that deadline. */
    Duration processingSweepInterval();
  }

  interface Fraud {
    /** A card with more than this many declines at one merchant within an hour is blocked. */
    int maxDeclinesPerCardPerHour();

    /**
     * Largest single charge, in major units per currency: key {@code default} for every merchant,
     * or a merchant id for that merchant's own limit.
     */
    Map<String, Map<String, String>> maxAmount();

    /** Declines from one client address at one merchant (card testing from one place). */
    Velocity velocity();
  }

  interface Velocity {
    /** How far back declines count. */
    @io.smallrye.config.WithDefault("10m")
    Duration window();

    /** Declines from one address within the window after which its confirmations are blocked. */
    @io.smallrye.config.WithDefault("10")
    int maxDeclinesPerAddress();

    /** Different cards declined from one address within the window that block it. */
    @io.smallrye.config.WithDefault("5")
    int maxCardsPerAddress();
  }

  interface RequestLog {
    boolean enabled();
  }

  /** Fault points for the end-to-end crash tests; all off in every shipped profile. */
  interface Faults {
    @io.smallrye.config.WithDefault("false")
    boolean haltAfterProcessorCall();
  }
}
