package io.recoveryportal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAllowListTest {

  @Test
  void emptyAdmitsEveryone() {
    assertTrue(IpAllowList.parse(null).admits("198.51.100.7"));
    assertTrue(IpAllowList.parse(" , ").admits("2001:db8::1"));
  }

  @Test
  void addressesAndRangesOfBothFamilies() {
    IpAllowList list =
        IpAllowList.parse("203.0.113.7, 198.51.100.0/24, 10.0.0.0/9, 2001:db8::/32, ::1");
    assertTrue(list.admits("203.0.113.7"));
    assertFalse(list.admits("203.0.113.8"));
    assertTrue(list.admits("198.51.100.255"));
    assertFalse(list.admits("198.51.101.0"));
    assertTrue(list.admits("10.127.255.255"), "a prefix that is not a whole number of bytes");
    assertFalse(list.admits("10.128.0.0"));
    assertTrue(list.admits("2001:db8:ffff::1"));
    assertFalse(list.admits("2001:db9::1"));
    assertTrue(list.admits("0:0:0:0:0:0:0:1"), "the servlet's long form of ::1");
    assertTrue(list.admits("::ffff:203.0.113.7"), "an IPv4-mapped address is its IPv4 address");
    assertFalse(list.admits("not-an-address"));
    assertFalse(list.admits(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "incode.example.com",
        "203.0.113.256",
        "203.0.113",
        "203.0.113.0/33",
        "2001:db8::/129",
        "1.2.3.4/x",
        "::g"
      })
  void namesAndBrokenEntriesAreRefused(String entry) {
    assertThrows(IllegalArgumentException.class, () -> IpAllowList.parse("203.0.113.7," + entry));
    assertTrue(IpAllowList.problem(entry).orElseThrow().contains(entry.strip()));
  }
}
