package dev.payplatform.commons.validation;

import java.math.BigInteger;

/** What Jackson binds a JSON integer to when the target is {@code Object}. */
public final class JsonIntegers {
  private JsonIntegers() {}

  /** Integer, Long or BigInteger: a JSON integer literal. Strings and decimals are not. */
  public static boolean isInteger(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger;
  }

  public static BigInteger toBigInteger(Object value) {
    if (value instanceof BigInteger big) {
      return big;
    }
    return BigInteger.valueOf(((Number) value).longValue());
  }

  /** The value of a field already validated as an integer within long range. */
  public static Long toLong(Object value) {
    return value == null ? null : toBigInteger(value).longValueExact();
  }
}
