package dev.payplatform.checkout.service.confirmation;

import java.util.regex.Pattern;

/** The edge's X-Client-Address, kept only when it looks like an IPv4 or IPv6 address. */
final class ClientAddresses {
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private ClientAddresses() {}

  static String clean(String header) {
    if (header == null) {
      return null;
    }
    String value = header.strip();
    return ADDRESS.matcher(value).matches() ? value : null;
  }
}
