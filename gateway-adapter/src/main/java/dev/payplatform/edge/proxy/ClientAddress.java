package dev.payplatform.edge.proxy;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * The address a request came from, for per-client limits. {@code X-Forwarded-For} is believed only
 * when the connection comes from a configured proxy ({@code edge.trusted-proxies}, e.g. the nginx
 * Ingress); then the client is the right-most address in it that is not itself a trusted proxy.
 * Anyone else could write any address into that header.
 */
public final class ClientAddress {
  private ClientAddress() {}

  public static String of(HttpServerRequest request, List<String> trustedProxies) {
    String peer =
        request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    if (!trusted(peer, trustedProxies)) {
      return peer;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trusted(hop, trustedProxies)) {
        return hop;
      }
    }
    return peer;
  }

  /** An exact address, or an IPv4 CIDR such as {@code 10.0.0.0/8} (a cluster's pod network). */
  static boolean trusted(String address, List<String> trustedProxies) {
    for (String entry : trustedProxies) {
      String t = entry.strip();
      if (t.equals(address) || (t.contains("/") && inIpv4Range(address, t))) {
        return true;
      }
    }
    return false;
  }

  private static boolean inIpv4Range(String address, String cidr) {
    long ip = ipv4(address);
    String[] parts = cidr.split("/");
    long network = ipv4(parts[0]);
    if (ip < 0 || network < 0 || parts.length != 2) {
      return false;
    }
    int bits;
    try {
      bits = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    if (bits < 0 || bits > 32) {
      return false;
    }
    long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    return (ip & mask) == (network & mask);
  }

  // The address as an unsigned 32-bit number, or -1 when it is not a dotted IPv4 address.
  private static long ipv4(String address) {
    String[] octets = address.split("\\.");
    if (octets.length != 4) {
      return -1;
    }
    long value = 0;
    for (String octet : octets) {
      int n;
      try {
        n = Integer.parseInt(octet);
      } catch (NumberFormatException e) {
        return -1;
      }
      if (n < 0 || n > 255) {
        return -1;
      }
      value = (value << 8) | n;
    }
    return value;
  }
}
