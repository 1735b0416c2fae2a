package dev.payplatform.payments.rest;

import dev.payplatform.commons.errors.ErrorMappers;
import dev.payplatform.payments.domain.BalanceTransactionNotFound;
import dev.payplatform.payments.domain.DisputeClosedForEvidence;
import dev.payplatform.payments.domain.DisputeNotFound;
import dev.payplatform.payments.domain.PaymentNotFound;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** payments-service's domain errors as the documented answers (docs/payments.md, "API"). */
public class PaymentsErrors {
  public static final String NOT_FOUND_TITLE = "Payments not found";
  public static final String NOT_FOUND_CONTENT =
      "Errors were encountered during the search, please verify the data.";

  @ServerExceptionMapper
  public Response paymentNotFound(PaymentNotFound e) {
    return ErrorMappers.problem(404, NOT_FOUND_TITLE, NOT_FOUND_CONTENT);
  }

  @ServerExceptionMapper
  public Response disputeNotFound(DisputeNotFound e) {
    return ErrorMappers.problem(404, "Dispute not found", e.getMessage());
  }

  /** Evidence sent after it was submitted, or after the dispute closed or passed its deadline. */
  @ServerExceptionMapper
  public Response disputeClosedForEvidence(DisputeClosedForEvidence e) {
    return ErrorMappers.problem(409, "Dispute not updatable", e.getMessage());
  }

  @ServerExceptionMapper
  public Response payoutNotFound(dev.payplatform.payments.domain.PayoutNotFound e) {
    return ErrorMappers.problem(404, "Payout not found", e.getMessage());
  }

  /** A manual payout on an automatic schedule (Stripe refuses it too). */
  @ServerExceptionMapper
  public Response manualPayoutsNotAllowed(
      dev.payplatform.payments.domain.ManualPayoutsNotAllowed e) {
    return ErrorMappers.problem(400, "Invalid request", e.getMessage());
  }

  @ServerExceptionMapper
  public Response payoutTestClockInLiveMode(dev.payplatform.payments.domain.TestClockInLiveMode e) {
    return ErrorMappers.problem(400, "Invalid request", e.getMessage());
  }

  @ServerExceptionMapper
  public Response balanceTransactionNotFound(BalanceTransactionNotFound e) {
    return ErrorMappers.problem(
        404, "Balance transaction not found", "No such balance transaction: " + e.id());
  }
}
