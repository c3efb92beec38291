package io.recoveryportal.staff;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a browser may be sent after signing in: a path on the portal itself, never another site.
 * The caller prefixes it with {@code portal.base-url}, so a value accepted here cannot leave the
 * portal.
 */
final class LocalPath {

  /** Where staff land when they came without (or with an unusable) {@code next}. */
  static final String DEFAULT = "/review/index.xhtml";

  private static final int MAX_LENGTH = 512;

  private LocalPath() {}

  /**
   * {@code next} when it is an absolute path with an optional query: starts with one '/', no "//"
   * or '\' (browsers read "//host" and "/\host" as another host), no scheme, authority, fragment or
   * control characters. Anything else gives {@link #DEFAULT}.
   */
  static String orDefault(String next) {
    if (next == null
        || next.isEmpty()
        || next.length() > MAX_LENGTH
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.indexOf('\\') >= 0
        || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return DEFAULT;
    }
    try {
      URI uri = new URI(next);
      if (uri.getScheme() != null
          || uri.getRawAuthority() != null
          || uri.getRawFragment() != null
          || uri.getRawPath() == null
          || !uri.getRawPath().startsWith("/")) {
        return DEFAULT;
      }
    } catch (URISyntaxException e) {
      return DEFAULT;
    }
    return next;
  }
}
