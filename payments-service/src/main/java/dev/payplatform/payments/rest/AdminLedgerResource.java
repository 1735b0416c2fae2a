package dev.payplatform.payments.rest;

import dev.payplatform.payments.service.ledger.LedgerVerification;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /admin/ledger/verify} (operator token, {@link PaymentsAdminFilter}): recomputes every
 * chain and balance from the postings, and checks that clearing nets to zero for every reconciled
 * day; {@code ok} is false with each difference listed. {@code deploy/local/platform ledger verify}
 * calls it.
 */
@Path("/admin/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class AdminLedgerResource {
  private final LedgerVerification verification;

  public AdminLedgerResource(LedgerVerification verification) {
    this.verification = verification;
  }

  /** The answer. */
  public record Verified(
      boolean ok,
      long chains,
      long entries,
      long reconciledDays,
      java.util.List<String> problems) {}

  @GET
  @Path("/verify")
  public Uni<Verified> verify() {
    return verification
        .verify()
        .map(r -> new Verified(r.ok(), r.chains(), r.entries(), r.reconciledDays(), r.problems()));
  }
}
