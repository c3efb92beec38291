package io.recoveryportal.lookup;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A work email address as typed by a locked-out person: trimmed and lower-cased (directory matching
 * is case-insensitive), and plausible enough to look up. Deliberately simpler than RFC 5322: quoted
 * local parts, comments and IP-literal domains never name an Entra account. Apostrophes are allowed
 * (o'connor@...): whoever puts the address into an OData $filter must escape them.
 */
public final class WorkEmail {

  private static final Pattern SHAPE =
      Pattern.compile(
          "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

  private final String value;

  private WorkEmail(String value) {
    this.value = value;
  }

  /** The normalised address, or empty when the input cannot be a work email address. */
  public static Optional<WorkEmail> parse(String input) {
    if (input == null) {
      return Optional.empty();
    }
    String v = input.strip().toLowerCase(Locale.ROOT);
    int at = v.indexOf('@');
    if (v.length() > 254 || at < 1 || at > 64 || !SHAPE.matcher(v).matches()) {
      return Optional.empty();
    }
    return Optional.of(new WorkEmail(v));
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkEmail w && w.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
