package dev.payplatform.commons.auth;

/** Sandbox or production, decided by the key's prefix at the edge. */
public enum Mode {
  TEST,
  LIVE;

  public boolean livemode() {
    return this == LIVE;
  }

  public String claim() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Mode fromClaim(String value) {
    if ("test".equals(value)) {
      return TEST;
    }
    if ("live".equals(value)) {
      return LIVE;
    }
    throw new IllegalArgumentException("unknown mode " + value);
  }

  public static Mode of(boolean livemode) {
    return livemode ? LIVE : TEST;
  }
}
