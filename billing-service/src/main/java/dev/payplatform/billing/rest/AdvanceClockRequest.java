package dev.payplatform.billing.rest;

import dev.payplatform.commons.validation.WholeNumber;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/subscriptions/{id}/test_clock/advance}: exactly one of the two.
 *
 * @param seconds move the clock forward this many seconds (1 to 10 years)
 * @param to move the clock to this ISO-8601 time (later than the clock, at most 10 years ahead)
 */
public record AdvanceClockRequest(
    @WholeNumber(min = 1, max = AdvanceClockRequest.MAX_SECONDS)
        @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "315360000")
        Object seconds,
    String to) {
  public static final long MAX_SECONDS = 315_360_000L;
}
