package dev.payplatform.checkout.service.fraud;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.domain.PaymentAttempt;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.processor.sandbox.SandboxCards;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.CardDetails;
import dev.payplatform.processor.DeclineReasons;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * The rules every charge passes before authorization (docs/checkout.md): the sandbox fraud test
 * card, the merchant's maximum single amount, and a card declined more than N times at the merchant
 * within the hour (card testing). A blocked charge is declined {@code fraudulent}.
 */
@ApplicationScoped
public class FraudRules {
  static final String DEFAULT_LIMITS = "default";
  private static final Duration DECLINE_WINDOW = Duration.ofHours(1);

  private final int maxDeclines;
  private final Map<String, Map<String, String>> maxAmounts;
  private final Duration velocityWindow;
  private final int maxDeclinesPerAddress;
  private final int maxCardsPerAddress;
  private final InstantSource clock;

  public FraudRules(CheckoutConfig config, InstantSource clock) {
    this.clock = clock;
    this.maxDeclines = config.fraud().maxDeclinesPerCardPerHour();
    this.maxAmounts = config.fraud().maxAmount();
    this.velocityWindow = config.fraud().velocity().window();
    this.maxDeclinesPerAddress = config.fraud().velocity().maxDeclinesPerAddress();
    this.maxCardsPerAddress = config.fraud().velocity().maxCardsPerAddress();
    // Fail at start-up, not at the first payment, on a limit that is not an amount.
    maxAmounts.forEach(
        (merchant, limits) -> limits.forEach((currency, amount) -> limitMinor(currency, amount)));
  }

  /** Why the charge is blocked, or empty when it may go to the processor. */
  public Uni<Optional<String>> check(PaymentIntent pi, CardDetails card, String fingerprint) {
    if (!pi.livemode && SandboxCards.isFraudTestCard(card.number())) {
      return blocked("Blocked by fraud rules: this is the sandbox fraud test card.");
    }
    Optional<String> overLimit = checkAmount(pi);
    if (overLimit.isPresent()) {
      return Uni.createFrom().item(overLimit);
    }
    return velocity(pi)
        .chain(
            blocked ->
                blocked.isPresent()
                    ? Uni.createFrom().item(blocked)
                    : declinesOfCard(pi, fingerprint));
  }

  /**
   * The decline-velocity rule: too many declines, or too many different cards declined, from one
   * client address at this merchant within the window block its further confirmations until they
   * age out (card testing from one place).
   */
  private Uni<Optional<String>> velocity(PaymentIntent pi) {
    if (pi.clientAddress == null) {
      return Uni.createFrom().item(Optional.empty());
    }
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createSelectionQuery(
                        "select count(a), count(distinct a.cardFingerprint) from PaymentAttempt a"
                            + " where a.merchantId = :merchant and a.livemode = :livemode"
                            + " and a.clientAddress = :address and a.outcome = :failed"
                            + " and coalesce(a.declineReason, '') <> :unavailable"
                            + " and a.createdAt > :since",
                        Object[].class)
                    .setParameter("merchant", pi.merchantId)
                    .setParameter("livemode", pi.livemode)
                    .setParameter("address", pi.clientAddress)
                    .setParameter("failed", PaymentAttempt.FAILED)
                    .setParameter("unavailable", DeclineReasons.PROCESSING_ERROR)
                    .setParameter("since", Timestamps.now(clock).minus(velocityWindow))
                    .getSingleResult())
        .map(
            row -> {
              long declines = ((Number) row[0]).longValue();
              long cards = ((Number) row[1]).longValue();
              if (declines >= maxDeclinesPerAddress || cards >= maxCardsPerAddress) {
                return Optional.of(
                    "Blocked by fraud rules: too many declined payments from this network in the"
                        + " last minutes. Please try again later.");
              }
              return Optional.<String>empty();
            });
  }

  private Uni<Optional<String>> declinesOfCard(PaymentIntent pi, String fingerprint) {
    return PaymentAttempt.count(
            "merchantId = ?1 and livemode = ?2 and cardFingerprint = ?3 and outcome = ?4"
                + " and createdAt > ?5 and coalesce(declineReason, '') <> ?6",
            pi.merchantId,
            pi.livemode,
            fingerprint,
            PaymentAttempt.FAILED,
            Timestamps.now(clock).minus(DECLINE_WINDOW),
            DeclineReasons.PROCESSING_ERROR)
        .map(
            declines ->
                declines > maxDeclines
                    ? Optional.of(
                        "Blocked by fraud rules: this card was declined too many times in the last"
                            + " hour. Please use another card.")
                    : Optional.empty());
  }

  /**
   * The rule an off-session charge (no card number at hand) passes too: the merchant's maximum
   * single amount.
   */
  public Optional<String> checkAmount(PaymentIntent pi) {
    Optional<Long> limit = maxAmount(pi.merchantId, pi.currency);
    if (limit.isPresent() && pi.amount > limit.get()) {
      return Optional.of(
          "Blocked by fraud rules: the amount is above this merchant's maximum for one payment.");
    }
    return Optional.empty();
  }

  /** The merchant's own limit for the currency, else the default one, in minor units. */
  Optional<Long> maxAmount(String merchantId, String currency) {
    String amount = limitsOf(merchantId).get(currency);
    if (amount == null) {
      amount = limitsOf(DEFAULT_LIMITS).get(currency);
    }
    return amount == null ? Optional.empty() : Optional.of(limitMinor(currency, amount));
  }

  private Map<String, String> limitsOf(String key) {
    return maxAmounts.getOrDefault(key, Map.of());
  }

  private static long limitMinor(String currency, String amount) {
    try {
      Currency c = Money.parseCurrency(currency, "checkout.fraud.max-amount");
      return Money.parseDecimal(amount, c, "checkout.fraud.max-amount").minorUnits();
    } catch (ValidationFailedException e) {
      throw new IllegalStateException(
          "checkout.fraud.max-amount has an invalid limit " + currency + "=" + amount, e);
    }
  }

  private static Uni<Optional<String>> blocked(String why) {
    return Uni.createFrom().item(Optional.of(why));
  }
}
