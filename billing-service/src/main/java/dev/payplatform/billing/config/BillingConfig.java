package dev.payplatform.billing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * billing-service's own settings, every {@code billing.*} key (application.properties, documented
 * in docs/billing.md): a mapping rejects properties under its prefix it does not declare.
 */
@ConfigMapping(prefix = "billing")
public interface BillingConfig {
  CheckoutToken checkoutToken();

  Renewal renewal();

  /** An incomplete subscription whose first invoice stays unpaid this long expires. */
  @WithDefault("23h")
  Duration incompleteExpiry();

  Sweep sweep();

  /**
   * Whether the operator API may move a live subscription's clock ({@code POST
   * /admin/subscriptions/{id}/test_clock/advance}). Off in production: a merchant's key never can,
   * and a live renewal then charges a real card early. The local platform turns it on, where live
   * mode pays a stand-in acquirer, to prove live renewals end to end.
   */
  @WithDefault("false")
  boolean liveTestClock();

  interface CheckoutToken {
    /** How long a checkout token minted for one visit stays valid. */
    @WithDefault("1h")
    Duration ttl();
  }

  interface Renewal {
    /** Days after the renewal date at which a failed renewal is retried (increasing). */
    @WithDefault("1,3,5")
    List<Integer> retryDays();

    /** An off-session charge checkout has not answered within this is requested again. */
    Duration chargeAnswerDeadline();

    /** Requests of one unanswered charge before the attempt fails into the retry schedule. */
    int maxChargeRequests();

    /** Charge attempts a renewal invoice gets: the renewal itself plus each retry. */
    default int maxAttempts() {
      return retryDays().size() + 1;
    }
  }

  interface Sweep {
    /** How often billing's sweeps (renewals, unanswered charges, duplicate payments) run. */
    Duration every();
  }
}
