package dev.payplatform.billing.service.links;

import dev.payplatform.billing.config.BillingConfig;
import dev.payplatform.billing.config.BuyerUrls;
import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.checkout.CheckoutTokens;
import dev.payplatform.commons.ids.Ids;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Sends a buyer to checkout-service's hosted page: a signed checkout token carries what is paid, so
 * the page needs no call back to billing and nobody can change the amount in the URL. Every visit
 * mints a fresh {@code pay_} id: one payment per visit.
 */
@ApplicationScoped
public class HostedCheckout {
  /** What a buyer page pays: an invoice or a payment link, as read from the database. */
  public record Payable(
      String purpose,
      String reference,
      String merchantId,
      boolean livemode,
      String merchantName,
      String gatewayAccountId,
      long amount,
      String currency,
      String description,
      String customerId,
      String paymentId) {}

  private final CheckoutTokens tokens;
  private final BuyerUrls urls;
  private final Duration tokenTtl;
  private final InstantSource clock;

  public HostedCheckout(
      CheckoutTokens tokens, BuyerUrls urls, BillingConfig config, InstantSource clock) {
    this.tokens = tokens;
    this.urls = urls;
    this.tokenTtl = config.checkoutToken().ttl();
    this.clock = clock;
  }

  /**
   * The checkout page URL for a new payment of {@code payable}. Signing costs 1.5-2 ms of CPU, so
   * it runs on a worker thread, never on the event loop.
   */
  public Uni<URI> checkoutPage(Payable payable) {
    return Uni.createFrom()
        .item(() -> sign(payable))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private URI sign(Payable p) {
    // A link visit is a new sale each time; an invoice names its one payment.
    String paymentId = p.paymentId() != null ? p.paymentId() : Ids.payment();
    CheckoutClaims claims =
        new CheckoutClaims(
            p.purpose(),
            p.reference(),
            paymentId,
            p.merchantId(),
            p.livemode(),
            p.merchantName() == null ? "" : p.merchantName(),
            p.gatewayAccountId(),
            p.amount(),
            p.currency(),
            p.description(),
            List.of(p.description()),
            urls.payUrl() + "/link/" + p.reference() + "/thanks",
            p.customerId(),
            clock.instant().plus(tokenTtl));
    String token = tokens.sign(claims);
    return URI.create(
        urls.checkoutUrl()
            + "/checkout/pay/"
            + paymentId
            + "?data="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }
}
