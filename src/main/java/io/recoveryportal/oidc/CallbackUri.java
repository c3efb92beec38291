package io.recoveryportal.oidc;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The callback URI a provider sent the browser to, rebuilt on the portal's own redirect URI (never
 * the request's Host header) with the query as the browser sent it.
 */
public final class CallbackUri {

  private static final String HEX = "0123456789ABCDEF";

  private CallbackUri() {}

  /**
   * Browsers send some characters raw that {@link URI} refuses ({@code |}, {@code ^}, a {@code %}
   * not followed by two hex digits, non-ASCII text). They are percent-encoded here, so a mangled or
   * forged callback reaches the checks that refuse it instead of failing as a server error.
   *
   * @param rawQuery the query string as received, or null
   */
  public static URI of(String redirectUri, String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return URI.create(redirectUri);
    }
    StringBuilder q = new StringBuilder(rawQuery.length());
    for (int i = 0; i < rawQuery.length(); i++) {
      char c = rawQuery.charAt(i);
      if (c == '%'
          && i + 2 < rawQuery.length()
          && isHex(rawQuery.charAt(i + 1))
          && isHex(rawQuery.charAt(i + 2))) {
        q.append(c);
      } else if (c < 0x80
          && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
        q.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < rawQuery.length() ? i + 2 : i + 1;
        for (byte b : rawQuery.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          q.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
        }
        i = end - 1;
      }
    }
    return URI.create(redirectUri + "?" + q);
  }

  private static boolean isHex(char c) {
    return HEX.indexOf(Character.toUpperCase(c)) >= 0;
  }
}
