package dev.payplatform.payments.service;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.domain.PaymentNotFound;
import dev.payplatform.payments.domain.PaymentStatus;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.messaging.PaymentOutbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** Hosted payments as the merchant's API sees them: create, list and read, always per tenant. */
@ApplicationScoped
public class PaymentService {
  private final PaymentOutbox events;
  private final InstantSource clock;

  public PaymentService(PaymentOutbox events, InstantSource clock) {
    this.events = events;
    this.clock = clock;
  }

  /** A validated hosted-payment request, bound to the merchant and mode of the caller's key. */
  public record NewPayment(
      String merchantId,
      boolean livemode,
      String merchantName,
      Money money,
      String description,
      List<String> items,
      String returnUrl,
      Instant checkoutExpiresAt) {}

  /** Merchant + mode always; {@code test} (when given) must agree with the key's mode. */
  public record Filter(
      String merchantId,
      boolean livemode,
      PaymentStatus status,
      Boolean test,
      CreatedRange created,
      PageRequest page) {

    /** A {@code test} filter that contradicts the key's mode matches nothing, never other data. */
    boolean contradictsMode() {
      return test != null && test == livemode;
    }
  }

  public record Found(List<Payment> payments, long total) {}

  /** Stores the payment {@code pending} and its {@code payment.created} event, together. */
  @WithTransaction
  public Uni<Payment> create(NewPayment req) {
    Instant now = Timestamps.now(clock);
    Payment p = new Payment();
    p.id = Ids.payment();
    p.merchantId = req.merchantId();
    p.livemode = req.livemode();
    p.merchantName = req.merchantName();
    p.amount = req.money().minorUnits();
    p.currency = req.money().currencyCode();
    p.description = req.description();
    p.items = List.copyOf(req.items());
    p.returnUrl = req.returnUrl();
    p.status = PaymentStatus.PENDING;
    p.purpose = "payment";
    p.reference = p.id;
    p.checkoutExpiresAt = req.checkoutExpiresAt();
    p.createdAt = now;
    p.updatedAt = now;
    return p.<Payment>persist()
        .call(
            saved ->
                events.emit(saved, PaymentEvents.CREATED, PaymentEvents.PaymentData.of(saved)));
  }

  /** Newest first. */
  @WithSession
  public Uni<Found> list(Filter f) {
    if (f.contradictsMode()) {
      return Uni.createFrom().item(new Found(List.of(), 0));
    }
    Tenant tenant = new Tenant(f.merchantId(), f.livemode());
    String query = Tenant.WHERE;
    Parameters params = tenant.parameters();
    if (f.status() != null) {
      query += " and status = :status";
      params = params.and("status", f.status());
    }
    query += f.created().where();
    params = f.created().bind(params);
    return Pages.of(Payment.<Payment>find(query, Pages.NEWEST_FIRST, params), f.page())
        .map(page -> new Found(page.items(), page.totalItems()));
  }

  /** The caller's payment, or {@link PaymentNotFound} (unknown, another merchant's or mode's). */
  @WithSession
  public Uni<Payment> get(String id, String merchantId, boolean livemode, Boolean test) {
    if ((test != null && test == livemode) || !Ids.looksLike(id, Ids.PAYMENT)) {
      return Uni.createFrom().failure(new PaymentNotFound(id));
    }
    return Payment.<Payment>find(
            "id = :id and " + Tenant.WHERE, new Tenant(merchantId, livemode).parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new PaymentNotFound(id));
  }
}
