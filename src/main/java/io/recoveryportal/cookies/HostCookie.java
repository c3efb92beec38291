package io.recoveryportal.cookies;

import io.recoveryportal.security.OpaqueTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A cookie that carries one random token ({@link OpaqueTokens}) and nothing else. Its name must
 * start with {@code __Host-}: the browser then keeps it only when it is Secure, has Path=/ and no
 * Domain, so it is pinned to this host over HTTPS. HttpOnly keeps it from scripts; SameSite=Lax
 * lets it ride along on the top-level redirect back from Incode, and on no cross-site subrequest.
 */
record HostCookie(String name) {

  HostCookie {
    if (!name.startsWith("__Host-")) {
      throw new IllegalArgumentException("a token cookie's name starts with __Host-: " + name);
    }
  }

  void set(HttpServletResponse res, String token, Duration lifetime) {
    res.addHeader(
        "Set-Cookie",
        name
            + "="
            + token
            + "; Path=/; Max-Age="
            + lifetime.toSeconds()
            + "; Secure; HttpOnly; SameSite=Lax");
  }

  void clear(HttpServletResponse res) {
    res.addHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
  }

  /** The token, when the request carries one of the right shape. */
  Optional<String> read(HttpServletRequest req) {
    Cookie[] cookies = req.getCookies();
    return cookies == null
        ? Optional.empty()
        : Arrays.stream(cookies)
            .filter(c -> name.equals(c.getName()))
            .map(Cookie::getValue)
            .filter(OpaqueTokens::isWellFormed)
            .findFirst();
  }
}
