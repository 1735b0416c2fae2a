package dev.payplatform.events.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which addresses a webhook may be sent to. Public unicast addresses always; private (RFC 1918,
 * unique-local fc00::/7), loopback, link-local (the cloud metadata service lives there), carrier-
 * grade NAT, unspecified and multicast ones only inside a network the operator allowed. Checked
 * when an endpoint is created and again on every attempt against the addresses the host resolves to
 * then, so a name that later resolves somewhere private is refused too.
 */
public final class AddressPolicy {
  private final List<Cidr> allowed;

  private AddressPolicy(List<Cidr> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** A policy allowing the given CIDRs ({@code 127.0.0.0/8}, {@code ::1/128}) beyond the public. */
  public static AddressPolicy allowing(List<String> cidrs) {
    List<Cidr> parsed = new ArrayList<>();
    for (String c : cidrs) {
      if (!c.isBlank()) {
        parsed.add(Cidr.parse(c.strip()));
      }
    }
    return new AddressPolicy(parsed);
  }

  public boolean permits(InetAddress address) {
    if (isPublic(address)) {
      return true;
    }
    for (Cidr c : allowed) {
      if (c.contains(address)) {
        return true;
      }
    }
    return false;
  }

  static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      // 0/8 "this network", 100.64/10 carrier-grade NAT, 192.0.0/24 IETF, 198.18/15 benchmarking,
      // 240/4 reserved and broadcast
      return first != 0
          && !(first == 100 && second >= 64 && second <= 127)
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
          && !(first == 198 && (second == 18 || second == 19))
          && first < 240;
    }
    if (a instanceof Inet6Address) {
      // fc00::/7 unique local; 2001::/32 Teredo and 2001:db8::/32 documentation; 100::/64 discard
      int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
      int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
      if ((b[0] & 0xfe) == 0xfc
          || (w0 == 0x2001 && (w1 == 0 || w1 == 0x0db8))
          || (w0 == 0x0100 && w1 == 0 && zero(b, 4, 8))) {
        return false;
      }
      // An address that carries an IPv4 address is judged as that address: IPv4-mapped
      // (::ffff:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
      boolean mapped = zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      if (mapped || zero(b, 0, 12)) {
        return isPublic(v4(b, 12));
      }
      if (w0 == 0x0064 && w1 == 0xff9b) {
        return isPublic(v4(b, 12));
      }
      if (w0 == 0x2002) {
        return isPublic(v4(b, 2));
      }
    }
    return true;
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress v4(byte[] b, int at) {
    try {
      return InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]});
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** An address block. */
  record Cidr(byte[] network, int prefix) {
    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      if (!host.matches("[0-9a-fA-F:.]+")) {
        throw new IllegalArgumentException("not an address block: " + text);
      }
      try {
        byte[] addr = InetAddress.getByName(host).getAddress();
        int prefix = slash < 0 ? addr.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (prefix < 0 || prefix > addr.length * 8) {
          throw new IllegalArgumentException("bad prefix length: " + text);
        }
        return new Cidr(addr, prefix);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not an address block: " + text, e);
      }
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      int bits = prefix;
      for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
        int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
        if ((a[i] & mask) != (network[i] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
