package io.recoveryportal.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Source addresses allowed to call an endpoint: IPv4 or IPv6 addresses and CIDR ranges, for example
 * {@code 203.0.113.7, 198.51.100.0/24, 2001:db8::/32}. Empty admits everyone. Only address literals
 * are accepted, never host names: a name would make each check a DNS lookup that an attacker's
 * resolver could answer.
 */
public final class IpAllowList {

  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,3}");

  private record Range(byte[] network, int prefix) {

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  private IpAllowList(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** Everyone. */
  public static IpAllowList none() {
    return new IpAllowList(List.of());
  }

  /**
   * Parses a comma-separated list; blank means everyone.
   *
   * @throws IllegalArgumentException naming the first entry that is not an address or range
   */
  public static IpAllowList parse(String list) {
    List<Range> ranges = new ArrayList<>();
    if (list != null) {
      for (String entry : list.split(",")) {
        String e = entry.strip();
        if (!e.isEmpty()) {
          ranges.add(
              range(e)
                  .orElseThrow(
                      () -> new IllegalArgumentException("not an IP address or CIDR range: " + e)));
        }
      }
    }
    return new IpAllowList(ranges);
  }

  /** Why {@code list} cannot be parsed, if it cannot (for the start-up check). */
  public static Optional<String> problem(String list) {
    try {
      parse(list);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Whether the request's source address (the servlet's remote address, a literal) is allowed. */
  public boolean admits(String remoteAddress) {
    if (ranges.isEmpty()) {
      return true;
    }
    Optional<byte[]> address = literal(remoteAddress);
    return address.isPresent() && ranges.stream().anyMatch(r -> r.contains(address.get()));
  }

  /** Whether {@code s} is an IPv4 or IPv6 address literal (never a host name). */
  public static boolean isLiteral(String s) {
    return literal(s).isPresent();
  }

  private static Optional<Range> range(String entry) {
    int slash = entry.indexOf('/');
    Optional<byte[]> network = literal(slash < 0 ? entry : entry.substring(0, slash));
    if (network.isEmpty()) {
      return Optional.empty();
    }
    int bits = network.get().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (prefix < 0 || prefix > bits) {
        return Optional.empty();
      }
    }
    return Optional.of(new Range(network.get(), prefix));
  }

  /**
   * The bytes of an IPv4 or IPv6 literal; an IPv4-mapped IPv6 address counts as its IPv4 address.
   */
  private static Optional<byte[]> literal(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String v = s.strip();
    if (v.startsWith("[") && v.endsWith("]")) {
      v = v.substring(1, v.length() - 1);
    }
    int zone = v.indexOf('%');
    if (zone >= 0) {
      v = v.substring(0, zone);
    }
    if (!v.contains(":")) {
      return ipv4(v);
    }
    if (!IPV6.matcher(v).matches()) {
      return Optional.empty();
    }
    try {
      // with a colon, InetAddress parses an IPv6 literal or fails; it never looks a name up
      return Optional.of(InetAddress.getByName(v).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> ipv4(String v) {
    String[] parts = v.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (!DECIMAL.matcher(parts[i]).matches() || Integer.parseInt(parts[i]) > 255) {
        return Optional.empty();
      }
      b[i] = (byte) Integer.parseInt(parts[i]);
    }
    return Optional.of(b);
  }
}
