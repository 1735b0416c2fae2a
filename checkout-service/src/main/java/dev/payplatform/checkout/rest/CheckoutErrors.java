package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.domain.CatalogReferenceNotFound;
import dev.payplatform.checkout.domain.ChallengeNotFound;
import dev.payplatform.checkout.domain.CheckoutLinkExpired;
import dev.payplatform.checkout.domain.ConfirmationInProgress;
import dev.payplatform.checkout.domain.GatewayAccountInUse;
import dev.payplatform.checkout.domain.GatewayAccountNotFound;
import dev.payplatform.checkout.domain.IntentAlreadySucceeded;
import dev.payplatform.checkout.domain.IntentCanceled;
import dev.payplatform.checkout.domain.IntentNotFound;
import dev.payplatform.checkout.domain.InvalidCheckoutLink;
import dev.payplatform.checkout.domain.SessionAlreadyComplete;
import dev.payplatform.checkout.domain.SessionExpired;
import dev.payplatform.checkout.domain.SessionNotFound;
import dev.payplatform.checkout.domain.SubscriptionNotPayable;
import dev.payplatform.checkout.domain.WrongEndpointForSessionMode;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationNotFound;
import dev.payplatform.checkout.domain.reconciliation.ReportUnavailable;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.DomainException;
import dev.payplatform.commons.errors.ErrorMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * checkout's business-rule errors as the API documents them (docs/checkout.md, API): status, title
 * and content. The hosted pages render the same answer as HTML ({@link #answer}).
 */
public class CheckoutErrors {

  @ServerExceptionMapper({
    SessionNotFound.class,
    SessionAlreadyComplete.class,
    SessionExpired.class,
    WrongEndpointForSessionMode.class,
    SubscriptionNotPayable.class,
    CatalogReferenceNotFound.class,
    InvalidCheckoutLink.class,
    IntentNotFound.class,
    ChallengeNotFound.class,
    ConfirmationInProgress.class,
    CheckoutLinkExpired.class,
    IntentAlreadySucceeded.class,
    IntentCanceled.class,
    GatewayAccountNotFound.class,
    GatewayAccountInUse.class,
    ReconciliationNotFound.class,
    ReportUnavailable.class
  })
  public Response checkoutRule(DomainException e) {
    ApiException answer = answer(e);
    return ErrorMappers.problem(answer);
  }

  /** The documented answer to one of checkout's domain errors; null for any other. */
  public static ApiException answer(DomainException e) {
    String content = e.getMessage();
    if (e instanceof SessionNotFound) {
      return ApiException.notFound("Checkout session not found", content);
    }
    if (e instanceof IntentNotFound) {
      return ApiException.notFound("Payment intent not found", content);
    }
    if (e instanceof GatewayAccountNotFound) {
      return ApiException.notFound("Gateway account not found", content);
    }
    if (e instanceof ReconciliationNotFound r) {
      return ApiException.notFound("Reconciliation " + r.what() + " not found", content);
    }
    if (e instanceof ReportUnavailable) {
      return ApiException.conflict(content);
    }
    if (e instanceof GatewayAccountInUse) {
      return ApiException.conflict(content);
    }
    if (e instanceof ChallengeNotFound) {
      return ApiException.notFound("Challenge not found", content);
    }
    if (e instanceof CatalogReferenceNotFound ref) {
      return ApiException.referenceNotFound(ref.field(), ref.what(), ref.id());
    }
    if (e instanceof WrongEndpointForSessionMode) {
      return ApiException.badRequest(content);
    }
    if (e instanceof InvalidCheckoutLink) {
      return new ApiException(400, "Invalid checkout link", content);
    }
    if (e instanceof SessionAlreadyComplete
        || e instanceof SubscriptionNotPayable
        || e instanceof ConfirmationInProgress
        || e instanceof IntentAlreadySucceeded) {
      return ApiException.conflict(content);
    }
    if (e instanceof SessionExpired) {
      return new ApiException(410, "Checkout session expired", content);
    }
    if (e instanceof CheckoutLinkExpired) {
      return new ApiException(410, "Checkout expired", content);
    }
    if (e instanceof IntentCanceled) {
      return new ApiException(410, "Payment canceled", content);
    }
    return null;
  }
}
