package dev.payplatform.commons.it;

import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;

/** A tiny application that exercises every platform-commons mechanism through HTTP. */
@Path("/it")
public class ItResource {
  private final NoteService notes;
  private final MerchantContext merchant;

  public ItResource(NoteService notes, MerchantContext merchant) {
    this.notes = notes;
    this.merchant = merchant;
  }

  public record NoteRequest(
      @NotBlank @Size(max = 20, message = "must be at most 20 characters") String text,
      @NotNull List<@NotBlank String> tags,
      String amount,
      String currency) {}

  @POST
  @Path("/notes")
  @RolesAllowed("merchant")
  public Uni<Map<String, String>> create(
      @Valid @NotNull NoteRequest body, @QueryParam("fail") boolean fail) {
    if (body.amount() != null) {
      Money.parseDecimal(
          body.amount(),
          Money.parseCurrency(body.currency(), "body", "currency"),
          "body",
          "amount");
    }
    return notes
        .create(merchant.merchantId(), body.text(), fail)
        .map(n -> Map.of("id", n.id, "merchant_id", n.merchantId));
  }

  @GET
  @Path("/whoami")
  @RolesAllowed("merchant")
  public Map<String, Object> whoami() {
    return Map.of(
        "merchant_id", merchant.merchantId(),
        "mode", merchant.mode().claim(),
        "merchant_name", merchant.merchantName());
  }

  @GET
  @Path("/page")
  public Page<String> page(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
    PageRequest request = PageRequest.parse(limit, offset);
    return Page.of(List.of("a"), 1, request);
  }

  @GET
  @Path("/boom")
  public String boom() {
    throw new IllegalStateException("kaboom with a secret stack trace");
  }
}
