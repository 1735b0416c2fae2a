package dev.payplatform.billing.rest;

import dev.payplatform.billing.domain.CancelAtPeriodEndNotAllowed;
import dev.payplatform.billing.domain.PaymentAlreadyRefunded;
import dev.payplatform.billing.domain.PaymentDisputed;
import dev.payplatform.billing.domain.PaymentLinkNotFound;
import dev.payplatform.billing.domain.PaymentNotRefundable;
import dev.payplatform.billing.domain.ReferenceNotFound;
import dev.payplatform.billing.domain.RefundExceedsPayment;
import dev.payplatform.billing.domain.RefundNotFound;
import dev.payplatform.billing.domain.RefundsPendingForRemainder;
import dev.payplatform.billing.domain.SubscriptionAlreadyEnded;
import dev.payplatform.billing.domain.SubscriptionNotFound;
import dev.payplatform.billing.domain.TestClockInLiveMode;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.DomainException;
import dev.payplatform.commons.errors.ErrorMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** billing's domain errors as the documented problem answers (docs/api.md, "Errors"). */
public class BillingErrors {
  private static final String CONFLICT = "Conflict";
  private static final String INVALID = "Invalid request";

  @ServerExceptionMapper
  public Response subscriptionNotFound(SubscriptionNotFound e) {
    return ErrorMappers.problem(404, "Subscription not found", e.getMessage());
  }

  @ServerExceptionMapper
  public Response refundNotFound(RefundNotFound e) {
    return ErrorMappers.problem(404, "Refund not found", e.getMessage());
  }

  @ServerExceptionMapper
  public Response paymentLinkNotFound(PaymentLinkNotFound e) {
    return ErrorMappers.problem(404, "Payment link not found", e.getMessage());
  }

  /** Another merchant's or mode's object is answered as if it did not exist. */
  @ServerExceptionMapper
  public Response referenceNotFound(ReferenceNotFound e) {
    ApiException answer = ApiException.referenceNotFound(e.field(), e.object(), e.id());
    return ErrorMappers.problem(answer);
  }

  /** The object's state no longer allows the request. */
  @ServerExceptionMapper({
    SubscriptionAlreadyEnded.class,
    CancelAtPeriodEndNotAllowed.class,
    PaymentAlreadyRefunded.class,
    PaymentNotRefundable.class,
    PaymentDisputed.class,
    RefundsPendingForRemainder.class
  })
  public Response conflict(DomainException e) {
    return ErrorMappers.problem(409, CONFLICT, e.getMessage());
  }

  /** The request asks for something no state would allow. */
  @ServerExceptionMapper({TestClockInLiveMode.class, RefundExceedsPayment.class})
  public Response invalid(DomainException e) {
    return ErrorMappers.problem(400, INVALID, e.getMessage());
  }
}
