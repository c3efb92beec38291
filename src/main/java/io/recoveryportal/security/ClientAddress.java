package io.recoveryportal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The address of the person's browser, for the rate limits, the audit trail and the webhook's
 * allow-list. Without {@code portal.trusted-proxies} it is the TCP peer. Behind a load balancer the
 * peer is the balancer, so the balancer's own forwarding header is read, but only when the peer is
 * one of the trusted proxies, and only from the right: each trusted hop is skipped, and the first
 * address that is not a trusted proxy is the client. Everything left of it was written by the
 * client or its own proxies and could say anything, so it is never read. Which header the balancer
 * writes ({@code portal.forwarded-header}: {@code X-Forwarded-For} or RFC 7239's {@code Forwarded})
 * is configuration, not guessed: a balancer that appends to one passes the other through as the
 * client sent it.
 */
public final class ClientAddress {

  /** The header a trusted proxy writes. */
  public enum Header {
    X_FORWARDED_FOR("X-Forwarded-For"),
    FORWARDED("Forwarded");

    private final String headerName;

    Header(String headerName) {
      this.headerName = headerName;
    }

    public String headerName() {
      return headerName;
    }

    static Optional<Header> named(String name) {
      for (Header h : values()) {
        if (h.headerName.equalsIgnoreCase(name.strip())) {
          return Optional.of(h);
        }
      }
      return Optional.empty();
    }
  }

  private final IpAllowList trusted;
  private final Header header;

  private ClientAddress(IpAllowList trusted, Header header) {
    this.trusted = trusted;
    this.header = header;
  }

  /** The TCP peer, always: no proxy is trusted. */
  public static ClientAddress peerOnly() {
    return new ClientAddress(IpAllowList.none(), Header.X_FORWARDED_FOR);
  }

  /**
   * From {@code portal.trusted-proxies} (addresses and CIDR ranges) and {@code
   * portal.forwarded-header}.
   *
   * @throws IllegalArgumentException naming what cannot be read
   */
  public static ClientAddress from(Function<String, Optional<String>> config) {
    IpAllowList proxies = IpAllowList.parse(config.apply("portal.trusted-proxies").orElse(null));
    Header header =
        config
            .apply("portal.forwarded-header")
            .filter(v -> !v.isBlank())
            .map(
                v ->
                    Header.named(v)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "portal.forwarded-header must be X-Forwarded-For or Forwarded: "
                                        + v)))
            .orElse(Header.X_FORWARDED_FOR);
    return new ClientAddress(proxies, header);
  }

  /** Why the configuration cannot be read, if it cannot (for the start-up check). */
  public static Optional<String> problem(Function<String, Optional<String>> config) {
    try {
      from(config);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The header this resolver reads, for callers that hand it the request's values. */
  public String headerName() {
    return header.headerName();
  }

  /** The client's address for this request. */
  public String of(HttpServletRequest request) {
    return resolve(
        request.getRemoteAddr(), Collections.list(request.getHeaders(header.headerName())));
  }

  /**
   * The client's address.
   *
   * @param peer the TCP peer (the servlet's remote address)
   * @param headerValues every value of {@link #headerName()} in the order received (several headers
   *     form one list)
   */
  public String resolve(String peer, List<String> headerValues) {
    if (trusted.isEmpty() || !trusted.admits(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String value : headerValues) {
      for (String element : value.split(",")) {
        hops.add(element);
      }
    }
    Collections.reverse(hops);
    String client = peer;
    for (String hop : hops) {
      Optional<String> address =
          (header == Header.FORWARDED ? forwardedFor(hop) : Optional.of(hop))
              .map(ClientAddress::withoutPort);
      // a hop a trusted proxy wrote but that is no address ("unknown", an obfuscated name): the
      // last
      // trusted proxy is all that is known
      if (address.isEmpty() || !IpAllowList.isLiteral(address.get())) {
        return client;
      }
      client = address.get();
      if (!trusted.admits(client)) {
        return client;
      }
    }
    return client;
  }

  /** The {@code for=} parameter of one RFC 7239 element, unquoted. */
  private static Optional<String> forwardedFor(String element) {
    for (String pair : element.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
        String v = pair.substring(eq + 1).strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** "192.0.2.7:4711" and "[2001:db8::1]:4711" without their ports; IPv6 without brackets. */
  private static String withoutPort(String hop) {
    String v = hop.strip();
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      return close > 0 ? v.substring(1, close) : v;
    }
    int colon = v.indexOf(':');
    if (colon > 0 && v.indexOf(':', colon + 1) < 0) {
      return v.substring(0, colon);
    }
    return v;
  }
}
