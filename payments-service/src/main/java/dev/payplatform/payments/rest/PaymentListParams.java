package dev.payplatform.payments.rest;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.payments.domain.PaymentStatus;
import dev.payplatform.payments.service.PaymentService;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query string of both payment lists ({@code GET /v1/payments} and {@code /internal}), taken as
 * raw strings so that every bad parameter is one 422 naming it.
 */
public class PaymentListParams {
  @QueryParam("status")
  String status;

  @QueryParam("test")
  String test;

  @QueryParam("limit")
  String limit;

  @QueryParam("offset")
  String offset;

  @QueryParam(CreatedRange.GTE)
  String createdGte;

  @QueryParam(CreatedRange.LTE)
  String createdLte;

  /** The filter for the caller's merchant and mode; throws the 422 listing each bad parameter. */
  PaymentService.Filter filter(String merchantId, boolean livemode) {
    ListQuery query = new ListQuery(limit, offset);
    String statusWord =
        query.textFilter(
            "status",
            status == null ? null : status.toLowerCase(Locale.ROOT),
            w -> PaymentStatus.fromWord(w).isPresent(),
            "must be one of pending, requires_action, completed (or succeeded), failed,"
                + " canceled, partially_refunded, refunded");
    PaymentStatus statusFilter =
        statusWord == null ? null : PaymentStatus.fromWord(statusWord).orElse(null);
    List<FieldError> errors = new ArrayList<>();
    Boolean testFilter = parseTest(test, errors, false);
    CreatedRange created = query.created(createdGte, createdLte);
    PageRequest pageRequest = null;
    try {
      pageRequest = query.page();
    } catch (ValidationFailedException e) {
      errors.addAll(0, e.errors());
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    return new PaymentService.Filter(
        merchantId, livemode, statusFilter, testFilter, created, pageRequest);
  }

  /** {@code true}/{@code false} (any case), or absent. */
  static Boolean parseTest(String raw, List<FieldError> errors, boolean throwNow) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (raw.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (raw.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    FieldError error =
        new FieldError(
            List.of("query", "test"), "value could not be parsed to a boolean", "type_error.bool");
    if (throwNow) {
      throw new ValidationFailedException(error);
    }
    errors.add(error);
    return null;
  }
}
