package dev.payplatform.payments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * payments-service's own settings ({@code payments.*}, application.properties; the ledger's are
 * documented in docs/ledger.md). Every property under the prefix is declared here.
 */
@ConfigMapping(prefix = "payments")
public interface PaymentsConfig {
  /** How long a hosted payment's checkout link is valid. */
  @WithDefault("24h")
  Duration checkoutTokenTtl();

  CheckoutLink checkoutLink();

  CheckoutExpiry checkoutExpiry();

  Ledger ledger();

  Metrics metrics();

  Disputes disputes();

  Payouts payouts();

  /** Payouts (docs/payouts.md). */
  interface Payouts {
    /**
     * The key that seals merchants' bank accounts (AES-256-GCM): 32 bytes as 64 hex digits or
     * base64, from a Secret ({@code PAYMENTS_PAYOUTS_SEALING_KEY}).
     */
    String sealingKey();

    /** How often the schedule sweep looks for due automatic payouts. */
    @WithDefault("5s")
    Duration scheduleSweep();

    /** How often payouts are sent to the bank and its answers read. */
    @WithDefault("5s")
    Duration bankSweep();

    Bank bank();

    Debtor debtor();
  }

  /** The payout bank's SFTP server; without a host, payouts wait in {@code pending}. */
  interface Bank {
    java.util.Optional<String> host();

    @WithDefault("22")
    int port();

    @WithDefault("platform-bank")
    String user();

    /** The platform's private key (OpenSSH format). */
    java.util.Optional<java.nio.file.Path> privateKey();

    /** The bank's host public key (an OpenSSH .pub line): no other server is trusted. */
    java.util.Optional<java.nio.file.Path> hostKey();

    @WithDefault("10s")
    Duration timeout();

    /** Where pain.001 files go. */
    @WithDefault("payouts/in")
    String outgoing();

    /** Where the bank's pain.002 and camt.054 files arrive. */
    @WithDefault("payouts/out")
    String incoming();

    /** Where a received file is moved once recorded. */
    @WithDefault("payouts/out/archive")
    String archive();
  }

  /** The platform's own account at the payout bank, the debtor of every pain.001. */
  interface Debtor {
    @WithDefault("Payments Platform")
    String name();

    String iban();

    String bic();
  }

  /** Disputes (docs/disputes.md). */
  interface Disputes {
    /**
     * The dispute fee in US dollars, charged in the payment's settlement currency at its frozen
     * rate when a chargeback opens (inquiries are free); 0 charges none.
     */
    @WithDefault("15.00")
    java.math.BigDecimal feeUsd();

    /** Whether a won dispute gives the fee back too (card networks keep it: false). */
    @WithDefault("false")
    boolean feeReturnedWhenWon();

    /** How long the merchant has to respond with evidence once a dispute opens. */
    @WithDefault("P7D")
    Duration responseWindow();

    /** Test mode: how long after its evidence is submitted the sandbox decides a dispute. */
    @WithDefault("10s")
    Duration sandboxDecisionDelay();

    /** How often the deadline and the sandbox's decision sweeps run. */
    @WithDefault("5s")
    Duration sweepInterval();
  }

  interface CheckoutLink {
    /**
     * The longest checkout link path accepted. The edge and the checkout service accept request
     * lines of 4,096 characters: the page's own "POST <path>/intent?data=… HTTP/1.1" must fit, with
     * room to spare.
     */
    @WithDefault("4000")
    int maxPathLength();
  }

  interface CheckoutExpiry {
    /** How long after its link expired a pending hosted payment is canceled. */
    Duration grace();

    /** How often the expiry sweep runs (HostedPaymentExpiry's schedule). */
    Duration sweepInterval();
  }

  interface Ledger {
    /** Off only to measure what the ledger costs (bench/run); never in production. */
    @WithDefault("true")
    boolean enabled();

    SettlementDelay settlementDelay();

    /**
     * Who pays for a refund's share of the fee: {@code keep} or {@code return} (any case; {@link
     * dev.payplatform.payments.domain.JournalEntry.RefundFee}).
     */
    @WithDefault("keep")
    String refundFee();

    /** How often the settlement sweep runs (SettlementSweep's schedule). */
    @WithDefault("60s")
    Duration settlementSweep();
  }

  /** How long a charge's net stays pending before it is available, per mode; not negative. */
  interface SettlementDelay {
    @WithDefault("P2D")
    Duration live();

    @WithDefault("PT0S")
    Duration test();
  }

  interface Metrics {
    /** How often the payment status gauges recount (PaymentStatusGauges' schedule). */
    @WithDefault("60s")
    Duration statusCountInterval();
  }
}
