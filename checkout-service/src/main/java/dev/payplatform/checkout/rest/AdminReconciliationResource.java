package dev.payplatform.checkout.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationItemStatus;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationKind;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationRun;
import dev.payplatform.checkout.messaging.ReconciliationEvents.ReconciliationItemData;
import dev.payplatform.checkout.service.reconciliation.Reconciliation;
import dev.payplatform.checkout.service.reconciliation.ReconciliationReads;
import dev.payplatform.checkout.service.reconciliation.ReconciliationResolution;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The operator API of reconciliation (docs/connectors.md), on checkout's own port, guarded with the
 * operator token like every {@code /admin/**} call: runs and their items, a run on demand, and the
 * resolution of a difference.
 */
@Path("/admin/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class AdminReconciliationResource {
  private static final int NOTE_MAX = 2000;

  private final Reconciliation reconciliation;
  private final ReconciliationReads reads;
  private final ReconciliationResolution resolution;
  private final InstantSource clock;

  public AdminReconciliationResource(
      Reconciliation reconciliation,
      ReconciliationReads reads,
      ReconciliationResolution resolution,
      InstantSource clock) {
    this.reconciliation = reconciliation;
    this.reads = reads;
    this.resolution = resolution;
    this.clock = clock;
  }

  /** A run as operators read it. */
  public record RunResponse(
      String id,
      String object,
      String gatewayAccountId,
      String businessDay,
      String trigger,
      String reportFile,
      String reportSha256,
      int reportLines,
      int items,
      int matched,
      int differences,
      String created) {
    static RunResponse of(ReconciliationRun r) {
      return new RunResponse(
          r.id,
          "reconciliation_run",
          r.gatewayAccountId,
          r.businessDay.toString(),
          r.trigger,
          r.reportFile,
          r.reportSha256,
          r.reportLines,
          r.items,
          r.matched,
          r.differences,
          Timestamps.format(r.createdAt));
    }
  }

  /** The runs a {@code POST} made: one per account. */
  public record RunsMade(List<RunResponse> runs) {}

  /**
   * Runs now: {@code {"business_day": "YYYY-MM-DD", "gateway_account_id": "acct_…"}}, both optional
   * (yesterday, UTC; every {@code iso8583} account).
   */
  @POST
  @Path("/runs")
  public Uni<Response> run(JsonNode body) {
    JsonNode b = body == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : body;
    LocalDate day =
        b.hasNonNull("business_day")
            ? day(b.get("business_day").asText(), "body", "business_day")
            : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
    String account =
        b.hasNonNull("gateway_account_id") ? b.get("gateway_account_id").asText() : null;
    Uni<List<ReconciliationRun>> runs =
        account == null
            ? reconciliation.runAll(day, ReconciliationRun.OPERATOR)
            : reconciliation.run(account, day, ReconciliationRun.OPERATOR).map(List::of);
    return runs.map(
        made ->
            Response.status(201)
                .entity(new RunsMade(made.stream().map(RunResponse::of).toList()))
                .build());
  }

  @GET
  @Path("/runs")
  public Uni<Page<RunResponse>> runs(
      @QueryParam("gateway_account") String account,
      @QueryParam("business_day") String day,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    PageRequest page = PageRequest.parse(limit, offset);
    LocalDate businessDay = day == null ? null : day(day, "query", "business_day");
    return reads
        .runs(account, businessDay, page)
        .map(
            found ->
                new Page<>(
                    found.items().stream().map(RunResponse::of).toList(),
                    found.total(),
                    page.limit(),
                    page.offset()));
  }

  @GET
  @Path("/runs/{id}")
  public Uni<RunResponse> run(@PathParam("id") String id) {
    return reads.run(id).map(RunResponse::of);
  }

  @GET
  @Path("/runs/{id}/items")
  public Uni<Page<ReconciliationItemData>> runItems(
      @PathParam("id") String id,
      @QueryParam("kind") String kind,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    return reads.run(id).chain(run -> items(run.id, kind, status, limit, offset));
  }

  /** Items of every run, newest first: {@code ?status=open} is what needs an operator. */
  @GET
  @Path("/items")
  public Uni<Page<ReconciliationItemData>> items(
      @QueryParam("kind") String kind,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    return items(null, kind, status, limit, offset);
  }

  @GET
  @Path("/items/{id}")
  public Uni<ReconciliationItemData> item(@PathParam("id") String id) {
    return reads.item(id).map(ReconciliationItemData::of);
  }

  /** {@code {"resolved_by": "who", "note": "what was found and done"}}; an item resolves once. */
  @POST
  @Path("/items/{id}/resolve")
  public Uni<ReconciliationItemData> resolve(@PathParam("id") String id, JsonNode body) {
    String by = text(body, "resolved_by", 200);
    String note = text(body, "note", NOTE_MAX);
    return resolution.resolve(id, by, note).map(ReconciliationItemData::of);
  }

  private Uni<Page<ReconciliationItemData>> items(
      String runId, String kind, String status, String limit, String offset) {
    PageRequest page = PageRequest.parse(limit, offset);
    ReconciliationKind k = word(ReconciliationKind.class, kind, "kind");
    ReconciliationItemStatus s = word(ReconciliationItemStatus.class, status, "status");
    return reads
        .items(runId, k, s, page)
        .map(
            found ->
                new Page<>(
                    found.items().stream().map(ReconciliationItemData::of).toList(),
                    found.total(),
                    page.limit(),
                    page.offset()));
  }

  private static <E extends Enum<E> & WireWord> E word(Class<E> type, String word, String field) {
    if (word == null) {
      return null;
    }
    E found = WireWord.parse(type, word);
    if (found == null) {
      throw new ValidationFailedException(
          FieldError.query(field, "unknown " + field + ": " + word));
    }
    return found;
  }

  private static String text(JsonNode body, String field, int max) {
    JsonNode v = body == null ? null : body.get(field);
    if (v == null || v.isNull()) {
      throw new ValidationFailedException(FieldError.missing("body", field));
    }
    String s = v.isTextual() ? v.asText().strip() : "";
    if (s.isEmpty() || s.length() > max) {
      throw new ValidationFailedException(
          FieldError.body(field, "must be text of 1 to " + max + " characters"));
    }
    return s;
  }

  private static LocalDate day(String text, String where, String field) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new ValidationFailedException(
          FieldError.invalid(where, field, "must be a date, YYYY-MM-DD"));
    }
  }
}
