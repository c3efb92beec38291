package io.recoveryportal.matching;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The matcher's tunables, which the caller reads from configuration (the matcher itself reads
 * none).
 *
 * @param placeholderBirthdates directory birthdates that mean "unknown" rather than a day someone
 *     was born: a directory that holds one can never auto-approve, whatever the document says
 */
public record MatchingPolicy(Set<LocalDate> placeholderBirthdates) {

  /**
   * Dates systems write when they have none: 1900-01-01 and 1901-01-01 (the usual "unknown"),
   * 1970-01-01 (the Unix epoch), 0001-01-01 (.NET's DateTime.MinValue), 1601-01-01 (the Windows
   * FILETIME epoch, Active Directory's zero), 1753-01-01 (SQL Server's earliest datetime),
   * 1899-12-30 and 1899-12-31 (spreadsheet and OLE Automation day zero), 1800-01-01 and 9999-12-31
   * (minimum and maximum sentinels). A real person born on 1 January 1970 goes to review.
   */
  public static final Set<LocalDate> DEFAULT_PLACEHOLDER_BIRTHDATES =
      Set.of(
          LocalDate.of(1, 1, 1),
          LocalDate.of(1601, 1, 1),
          LocalDate.of(1753, 1, 1),
          LocalDate.of(1800, 1, 1),
          LocalDate.of(1899, 12, 30),
          LocalDate.of(1899, 12, 31),
          LocalDate.of(1900, 1, 1),
          LocalDate.of(1901, 1, 1),
          LocalDate.of(1970, 1, 1),
          LocalDate.of(9999, 12, 31));

  public static final MatchingPolicy DEFAULT = new MatchingPolicy(DEFAULT_PLACEHOLDER_BIRTHDATES);

  public MatchingPolicy {
    placeholderBirthdates = Set.copyOf(placeholderBirthdates);
  }

  /**
   * The policy for a configured list of placeholder dates, "1900-01-01, 1970-01-01" (ISO dates,
   * comma-separated), which replaces the default list; null or blank keeps the default.
   *
   * @throws IllegalArgumentException naming the first entry that is not an ISO date
   */
  public static MatchingPolicy withPlaceholderBirthdates(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return DEFAULT;
    }
    return new MatchingPolicy(
        Arrays.stream(commaSeparated.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(MatchingPolicy::date)
            .collect(Collectors.toUnmodifiableSet()));
  }

  /** What is wrong with a configured list, for the start-up check; empty when it is usable. */
  public static Optional<String> problem(String commaSeparated) {
    try {
      withPlaceholderBirthdates(commaSeparated);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static LocalDate date(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + (s.length() > 20 ? s.substring(0, 20) + "…" : s)
              + "' is not an ISO date (YYYY-MM-DD)");
    }
  }
}
