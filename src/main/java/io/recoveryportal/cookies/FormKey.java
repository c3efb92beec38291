package io.recoveryportal.cookies;

import io.recoveryportal.security.OpaqueTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

/**
 * CSRF protection for forms on stateless Faces views (the start page and the recovery page keep no
 * view state, so no HTTP session holds anything of them). A stateful view's {@code
 * jakarta.faces.ViewState} is a random token that a forged form cannot know; a stateless view's is
 * the word "stateless", which anyone can send. So each browser holds a random key in a {@code
 * __Host-formkey} cookie (see {@link HostCookie}: pinned to this host, unreadable by scripts, and a
 * sibling subdomain cannot plant one), and each form of such a page carries a hidden field derived
 * from it (the web package's FormKeyFilter); its RequestRules refuses a stateless postback whose
 * field does not match the cookie. The field is a hash of the key, so a page that leaked (a cache,
 * a screenshot) does not give the cookie away.
 */
public final class FormKey {

  public static final String COOKIE_NAME = "__Host-formkey";

  /** The hidden field's name, and the request attribute the pages render it from. */
  public static final String FIELD = "formKey";

  private static final HostCookie COOKIE = new HostCookie(COOKIE_NAME);

  /** Longer than anyone keeps a form open; an older form is simply shown again, fresh. */
  private static final Duration LIFETIME = Duration.ofHours(12);

  private FormKey() {}

  /**
   * The field value for this browser's key, giving the browser a new key in the response when it
   * has none (its first page, or an expired cookie).
   */
  public static String ensure(HttpServletRequest req, HttpServletResponse res) {
    Optional<String> key = COOKIE.read(req);
    if (key.isPresent()) {
      return fieldFor(key.get());
    }
    String fresh = OpaqueTokens.generate();
    COOKIE.set(res, fresh, LIFETIME);
    return fieldFor(fresh);
  }

  /**
   * Whether the posted field matches the key in the browser's cookie (false when either is
   * missing).
   */
  public static boolean matches(HttpServletRequest req) {
    String posted = req.getParameter(FIELD);
    Optional<String> key = COOKIE.read(req);
    return posted != null
        && key.isPresent()
        && MessageDigest.isEqual(
            fieldFor(key.get()).getBytes(StandardCharsets.US_ASCII),
            posted.getBytes(StandardCharsets.UTF_8));
  }

  /** The field value for a key: its SHA-256, so the page never shows the key. */
  public static String fieldFor(String key) {
    return OpaqueTokens.hash("form-key:" + key);
  }
}
