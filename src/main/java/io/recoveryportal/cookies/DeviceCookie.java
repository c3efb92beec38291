package io.recoveryportal.cookies;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The device cookie: set when a verification in this browser ends in a match, for the
 * re-verification window; the only place the raw token of a {@link
 * io.recoveryportal.recovery.ReturningDevices returning device} lives. It proves this browser to
 * the portal alone: it never travels to Incode (see {@link HostCookie}).
 */
public final class DeviceCookie {

  public static final String NAME = "__Host-device";

  private static final HostCookie COOKIE = new HostCookie(NAME);

  private DeviceCookie() {}

  public static void set(HttpServletResponse res, String token, Duration lifetime) {
    COOKIE.set(res, token, lifetime);
  }

  public static Optional<String> read(HttpServletRequest req) {
    return COOKIE.read(req);
  }
}
