package dev.payplatform.catalog.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How catalog objects show time: ISO-8601 in UTC to the second, e.g. 2026-11-21T16:20:00Z. */
public final class Timestamps {
  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /**
   * Now, at the precision PostgreSQL stores (microseconds), so the object a create returns equals
   * the row a later read finds, and the list order (created_at desc) follows creation order.
   */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  public static String format(Instant instant) {
    return UTC_SECONDS.format(instant);
  }
}
