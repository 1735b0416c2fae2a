package dev.payplatform.commons.time;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Instants as rows store them and as the API writes them. */
public final class Timestamps {
  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /**
   * Now on {@code clock}, at the precision PostgreSQL stores (microseconds): the object a write
   * answers equals the row a later read finds, and created_at order follows creation order.
   */
  public static Instant now(InstantSource clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The API's form ({@code 2026-01-31T12:00:00Z}), or null for null. */
  public static String format(Instant instant) {
    return instant == null ? null : UTC_SECONDS.format(instant);
  }
}
