package io.recoveryportal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer values (attempt ids, invitation links) and the hashes the database keeps instead of
 * them. 256 bits from a CSPRNG, so a hash without a salt is enough: nobody can search that space.
 */
public final class OpaqueTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private OpaqueTokens() {}

  /** A new random value, URL-safe, 43 characters. */
  public static String generate() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * Whether {@code value} has the shape {@link #generate()} gives: anything else from a cookie or
   * link is no token.
   */
  public static boolean isWellFormed(String value) {
    return value != null && value.matches("[A-Za-z0-9_-]{43}");
  }

  /** Lower-case hex SHA-256 of the value: what is stored and looked up. */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
