package io.recoveryportal.matching;

import static io.recoveryportal.matching.RuleResult.BIRTHDATE;
import static io.recoveryportal.matching.RuleResult.fail;
import static io.recoveryportal.matching.RuleResult.missing;
import static io.recoveryportal.matching.RuleResult.pass;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact equality of the document's birthdate with the directory attribute.
 *
 * <p>The attribute is accepted as "YYYY-MM-DD" (a String extension), or as a date-time at exactly
 * midnight UTC ("1985-06-15T00:00:00Z", what a DateTime-typed directory extension returns for a
 * date). Any other time of day means the date went through a time-zone conversion and may have
 * shifted by a day, and other layouts ("06/07/1985") are ambiguous between day-first and
 * month-first: both are MISSING, so a person looks. No tolerance of any kind: a day's difference is
 * a different person as far as this rule knows. A directory date that is a known placeholder
 * (1900-01-01 and the like, {@link MatchingPolicy}) is MISSING too, even when the document carries
 * the same date: two placeholders say nothing about the person.
 */
final class BirthdateRule {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MIDNIGHT_UTC =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T00:00(?::00(?:\\.0{1,9})?)?(?:Z|[+-]00:?00)");
  private static final DateTimeFormatter STRICT =
      DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);

  private BirthdateRule() {}

  static RuleResult evaluate(
      LocalDate verified, String directoryValue, Set<LocalDate> placeholders) {
    if (verified == null) {
      return missing(BIRTHDATE, "no birthdate on the verified document");
    }
    if (directoryValue == null || directoryValue.isBlank()) {
      return missing(BIRTHDATE, "directory has no birthdate");
    }
    Optional<LocalDate> recorded = parse(directoryValue.strip());
    if (recorded.isEmpty()) {
      return missing(BIRTHDATE, "directory birthdate is not a YYYY-MM-DD date (nor midnight UTC)");
    }
    if (placeholders.contains(recorded.get())) {
      return missing(
          BIRTHDATE,
          "directory birthdate is a known placeholder date, not a birthdate: it proves nothing about the person");
    }
    if (recorded.get().equals(verified)) {
      return pass(BIRTHDATE, "birthdate equals the directory's");
    }
    // No values in the explanation: the reviewer console shows both; the audit record need not.
    return fail(
        BIRTHDATE, "birthdate differs from the directory's: " + howFar(verified, recorded.get()));
  }

  static Optional<LocalDate> parse(String value) {
    String date;
    Matcher dateTime = MIDNIGHT_UTC.matcher(value);
    if (DATE.matcher(value).matches()) {
      date = value;
    } else if (dateTime.matches()) {
      date = dateTime.group(1);
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(date, STRICT));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // 1985-02-30
    }
  }

  /** The kind of difference, which tells a reviewer a clerical slip from a different person. */
  private static String howFar(LocalDate document, LocalDate directory) {
    if (Math.abs(ChronoUnit.DAYS.between(document, directory)) == 1) {
      return "one day apart";
    }
    if (document.getYear() == directory.getYear()
        && document.getMonthValue() == directory.getDayOfMonth()
        && document.getDayOfMonth() == directory.getMonthValue()) {
      return "day and month swapped";
    }
    if (document.getMonthValue() == directory.getMonthValue()
        && document.getDayOfMonth() == directory.getDayOfMonth()) {
      return "same day and month, different year";
    }
    return "different date";
  }
}
