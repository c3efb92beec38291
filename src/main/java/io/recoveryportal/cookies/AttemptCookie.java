package io.recoveryportal.cookies;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The attempt cookie: the only place the raw attempt id lives, for the attempt's lifetime (see
 * {@link HostCookie} for its attributes).
 */
public final class AttemptCookie {

  public static final String NAME = "__Host-attempt";

  private static final HostCookie COOKIE = new HostCookie(NAME);

  private AttemptCookie() {}

  public static void set(HttpServletResponse res, String rawId, Duration lifetime) {
    COOKIE.set(res, rawId, lifetime);
  }

  public static void clear(HttpServletResponse res) {
    COOKIE.clear(res);
  }

  public static Optional<String> read(HttpServletRequest req) {
    return COOKIE.read(req);
  }
}
