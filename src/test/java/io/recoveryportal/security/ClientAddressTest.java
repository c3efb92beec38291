package io.recoveryportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Whose address a request is: the peer, or behind trusted proxies the right-most hop that is not
 * one of them.
 */
class ClientAddressTest {

  private static ClientAddress with(String proxies, String header) {
    Map<String, String> config =
        header == null
            ? Map.of("portal.trusted-proxies", proxies)
            : Map.of("portal.trusted-proxies", proxies, "portal.forwarded-header", header);
    return ClientAddress.from(k -> Optional.ofNullable(config.get(k)));
  }

  @Test
  void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeadersSay() {
    ClientAddress none = ClientAddress.from(k -> Optional.empty());
    assertEquals("10.0.0.5", none.resolve("10.0.0.5", List.of("198.51.100.7")));
    assertEquals("10.0.0.5", ClientAddress.peerOnly().resolve("10.0.0.5", List.of("198.51.100.7")));
  }

  @Test
  void aPeerThatIsNoTrustedProxyIsTheClientEvenWithAHeader() {
    assertEquals(
        "203.0.113.9", with("10.0.0.0/8", null).resolve("203.0.113.9", List.of("198.51.100.7")));
  }

  @Test
  void behindTheBalancerTheRightMostUntrustedHopIsTheClientAndWhatTheClientWroteIsIgnored() {
    ClientAddress c = with("10.0.0.0/8, 192.168.1.1", null);
    assertEquals("198.51.100.7", c.resolve("10.0.0.5", List.of("198.51.100.7")));
    // the client sent "X-Forwarded-For: 1.2.3.4" itself; the balancer appended the address it saw
    assertEquals("198.51.100.7", c.resolve("10.0.0.5", List.of("1.2.3.4, 198.51.100.7")));
    // two trusted hops (an ingress behind the balancer), and several headers forming one list
    assertEquals(
        "198.51.100.7", c.resolve("10.0.0.5", List.of("1.2.3.4", "198.51.100.7, 192.168.1.1")));
  }

  @Test
  void onlyTrustedHopsMeansTheLeftMostOfThem() {
    assertEquals("10.0.0.9", with("10.0.0.0/8", null).resolve("10.0.0.5", List.of("10.0.0.9")));
    assertEquals("10.0.0.5", with("10.0.0.0/8", null).resolve("10.0.0.5", List.of()));
  }

  @Test
  void aHopThatIsNoAddressStopsAtTheLastTrustedProxy() {
    ClientAddress c = with("10.0.0.0/8", null);
    assertEquals("10.0.0.5", c.resolve("10.0.0.5", List.of("198.51.100.7, unknown")));
    assertEquals("10.0.0.5", c.resolve("10.0.0.5", List.of("evil.example.com")));
  }

  @Test
  void rfc7239ForwardedWithQuotesPortsAndIpv6() {
    ClientAddress c = with("10.0.0.0/8", "Forwarded");
    assertEquals("Forwarded", c.headerName());
    assertEquals(
        "198.51.100.7",
        c.resolve("10.0.0.5", List.of("for=1.2.3.4, for=\"198.51.100.7:4711\";proto=https")));
    assertEquals(
        "2001:db8::1", c.resolve("10.0.0.5", List.of("for=\"[2001:db8::1]:4711\";by=10.0.0.5")));
    assertEquals(
        "10.0.0.5",
        c.resolve("10.0.0.5", List.of("for=_hidden")),
        "an obfuscated identifier is no address");
  }

  @Test
  void ipv6ProxiesAndXForwardedForWithAPort() {
    ClientAddress c = with("2001:db8:ffff::/48", null);
    assertEquals("2001:db8::1", c.resolve("2001:db8:ffff::2", List.of("2001:db8::1")));
    assertEquals(
        "198.51.100.7",
        with("10.0.0.0/8", null).resolve("10.0.0.5", List.of("198.51.100.7:51234")));
  }

  @Test
  void badConfigurationIsNamed() {
    assertTrue(
        ClientAddress.problem(
                k ->
                    Optional.of(
                        k.equals("portal.trusted-proxies") ? "10.0.0.0/33" : "X-Forwarded-For"))
            .orElseThrow()
            .contains("10.0.0.0/33"));
    assertTrue(
        ClientAddress.problem(
                k -> Optional.of(k.equals("portal.forwarded-header") ? "X-Real-IP" : ""))
            .orElseThrow()
            .contains("portal.forwarded-header"));
  }
}
