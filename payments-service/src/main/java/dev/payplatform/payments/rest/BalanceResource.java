package dev.payplatform.payments.rest;

import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.LedgerEntry;
import dev.payplatform.payments.service.LedgerQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
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

  /** An amount of one currency. */
  public record Amount(long amount, String currency) {}

  /** {@code GET /v1/balance}. */
  public record BalanceView(
      String object, boolean livemode, List<Amount> available, List<Amount> pending) {}

  /** One balance transaction. */
  public record TransactionView(
      String id,
      String object,
      String type,
      String source,
      long amount,
      long fee,
      long net,
      String currency,
      String status,
      String availableOn,
      String created,
      BigDecimal exchangeRate,
      Long originalAmount,
      String originalCurrency) {
    static TransactionView of(LedgerQueries.Transaction t) {
      LedgerEntry e = t.entry();
      return new TransactionView(
          e.txnId,
          "balance_transaction",
          e.type,
          e.source,
          e.amount,
          e.fee,
          e.net,
          e.currency,
          t.available() ? "available" : "pending",
          Timestamps.format(e.availableOn),
          Timestamps.format(e.createdAt),
          e.exchangeRate == null ? null : e.exchangeRate.stripTrailingZeros(),
          e.originalAmount,
          e.originalCurrency);
    }
  }

  @GET
  @Path("/balance")
  public Uni<BalanceView> balance() {
    Tenant tenant = Tenant.of(merchant);
    return ledger
        .balance(tenant)
        .map(
            b ->
                new BalanceView(
                    "balance", tenant.livemode(), amounts(b.available()), amounts(b.pending())));
  }

  /**
   * Newest first; filters {@code type} (charge, refund, adjustment, fee), {@code source} (a payment
   * or refund id), {@code created[gte]} and {@code created[lte]}.
   */
  @GET
  @Path("/balance_transactions")
  public Uni<Page<TransactionView>> list(
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("type") String type,
      @QueryParam("source") String source,
      @QueryParam("created[gte]") String createdGte,
      @QueryParam("created[lte]") String createdLte) {
    ListQuery query = new ListQuery(limit, offset);
    String typeFilter = query.oneOf("type", type, LedgerQueries.LISTED_TYPES);
    String sourceFilter =
        query.textFilter(
            "source",
            source,
            v -> Ids.looksLike(v, Ids.PAYMENT) || Ids.looksLike(v, "re"),
            "must be a pay_ or re_ id");
    CreatedRange created = query.created(createdGte, createdLte);
    return ledger
        .list(
            Tenant.of(merchant),
            new LedgerQueries.Filter(typeFilter, sourceFilter, created),
            query.page())
        .map(page -> page.map(TransactionView::of));
  }

  @GET
  @Path("/balance_transactions/{id}")
  public Uni<TransactionView> get(@PathParam("id") String id) {
    return ledger.get(Tenant.of(merchant), id).map(TransactionView::of);
  }

  private static List<Amount> amounts(Map<String, Long> byCurrency) {
    return byCurrency.entrySet().stream().map(e -> new Amount(e.getValue(), e.getKey())).toList();
  }
}
