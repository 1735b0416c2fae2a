package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.checkout.service.disputes.AcquirerChargebacks;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The operator records a chargeback or inquiry the acquirer sent for a live charge
 * (docs/disputes.md), on checkout's own port, guarded with the operator token like every {@code
 * /admin/**} call. Answers 202: payments-service opens the dispute from the event.
 */
@Path("/admin/disputes")
@Produces(MediaType.APPLICATION_JSON)
public class AdminDisputesResource {
  private final AcquirerChargebacks chargebacks;

  public AdminDisputesResource(AcquirerChargebacks chargebacks) {
    this.chargebacks = chargebacks;
  }

  /** Stripe's dispute reasons. */
  static final String REASONS =
      "bank_cannot_process|credit_not_processed|customer_initiated|debit_not_authorized|duplicate"
          + "|fraudulent|general|incorrect_account_details|insufficient_funds|product_not_received"
          + "|product_unacceptable|subscription_canceled|unrecognized";

  public record RecordChargebackRequest(
      @NotBlank @Pattern(regexp = "pay_[A-Za-z0-9_-]{16,64}", message = "must be a pay_ id")
          String paymentId,
      @NotBlank @Size(max = 64, message = "must be at most 64 characters") String acquirerReference,
      @Positive Long amount,
      @NotNull @Pattern(regexp = REASONS, message = "must be one of Stripe's dispute reasons")
          String reason,
      Boolean inquiry,
      @Size(max = 8, message = "must be at most 8 characters") String networkReasonCode) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Response> record(@Valid @NotNull RecordChargebackRequest body) {
    return chargebacks
        .record(
            new AcquirerChargebacks.Chargeback(
                body.paymentId(),
                body.acquirerReference().strip(),
                body.amount(),
                body.reason(),
                Boolean.TRUE.equals(body.inquiry()),
                body.networkReasonCode()))
        .map((CheckoutEvents.DisputeOpened opened) -> Response.accepted(opened).build());
  }
}
