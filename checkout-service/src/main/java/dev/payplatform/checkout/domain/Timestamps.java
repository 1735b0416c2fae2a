package dev.payplatform.checkout.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How checkout shows time: ISO-8601 in UTC to the second, e.g. 2026-04-25T10:30:00Z. */
public final class Timestamps {
  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Now, at the precision PostgreSQL stores, so what we answer equals what a re-read finds. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  public static String format(Instant instant) {
    return instant == null ? null : UTC_SECONDS.format(instant);
  }
}
