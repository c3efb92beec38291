package io.recoveryportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpaqueTokensTest {

  @Test
  void tokensAreLongUrlSafeAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String t = OpaqueTokens.generate();
      assertEquals(43, t.length());
      assertEquals(t, t.replaceAll("[^A-Za-z0-9_-]", ""));
      seen.add(t);
    }
    assertEquals(1000, seen.size());
  }

  @Test
  void hashIsSha256Hex() {
    // RFC 6234 test vector for "abc"
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        OpaqueTokens.hash("abc"));
    assertNotEquals(OpaqueTokens.hash("a"), OpaqueTokens.hash("b"));
  }
}
