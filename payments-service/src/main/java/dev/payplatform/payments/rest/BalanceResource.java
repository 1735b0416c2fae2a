package dev.payplatform.payments.rest;

import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.payments.domain.Dispute;
import dev.payplatform.payments.service.ledger.LedgerQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The merchant's balance and balance transactions, from the ledger (docs/ledger.md). */
@Path("/v1")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
public class BalanceResource {
  private final LedgerQueries ledger;
  private final MerchantContext merchant;

  public BalanceResource(LedgerQueries ledger, MerchantContext merchant) {
    this.ledger = ledger;
    this.merchant = merchant;
  }

  @GET
  @Path("/balance")
  public Uni<BalanceResponse> balance() {
    Tenant tenant = Tenant.of(merchant);
    return ledger
        .balance(tenant)
        .map(
            b ->
                new BalanceResponse(
                    "balance", tenant.livemode(), amounts(b.available()), amounts(b.pending())));
  }

  /**
   * Newest first; filters {@code type} (charge, refund, adjustment, fee, dispute, dispute_fee,
   * dispute_reversal, payout, payout_failure, payout_cancel), {@code payout} (what an automatic
   * payout paid), {@code source} (a payment, refund or dispute id), {@code created[gte]} and {@code
   * created[lte]}.
   */
  @GET
  @Path("/balance_transactions")
  public Uni<Page<BalanceTransactionResponse>> list(
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("type") String type,
      @QueryParam("source") String source,
      @QueryParam("payout") String payout,
      @QueryParam("created[gte]") String createdGte,
      @QueryParam("created[lte]") String createdLte) {
    ListQuery query = new ListQuery(limit, offset);
    String typeFilter = query.oneOf("type", type, LedgerQueries.LISTED_TYPES);
    String sourceFilter =
        query.textFilter(
            "source",
            source,
            v ->
                Ids.looksLike(v, Ids.PAYMENT)
                    || Ids.looksLike(v, "re")
                    || Ids.looksLike(v, Dispute.PREFIX)
                    || Ids.looksLike(v, "po"),
            "must be a pay_, re_, dp_ or po_ id");
    String payoutFilter = query.idFilter("payout", payout, "po");
    CreatedRange created = query.created(createdGte, createdLte);
    return ledger
        .list(
            Tenant.of(merchant),
            new LedgerQueries.Filter(typeFilter, sourceFilter, payoutFilter, created),
            query.page())
        .map(page -> page.map(BalanceTransactionResponse::of));
  }

  @GET
  @Path("/balance_transactions/{id}")
  public Uni<BalanceTransactionResponse> get(@PathParam("id") String id) {
    return ledger.get(Tenant.of(merchant), id).map(BalanceTransactionResponse::of);
  }

  private static List<BalanceAmountResponse> amounts(Map<String, Long> byCurrency) {
    return byCurrency.entrySet().stream()
        .map(e -> new BalanceAmountResponse(e.getValue(), e.getKey()))
        .toList();
  }
}
