package io.recoveryportal.audittrail;

import io.recoveryportal.audit.AuditType;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.lookup.WorkEmail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what an auditor typed into an {@link AuditQuery}: an account or staff member as a directory
 * object id or a work email (looked up in the directory, the only place that knows which account an
 * address belongs to now), an attempt as its number or its case reference, a type by name, dates as
 * UTC days (the "to" day included). Anything it cannot read is named in plain words, and nothing is
 * searched.
 */
@ApplicationScoped
public class AuditQueries {

  /** What the auditor typed, as the query string carries it. */
  public record Form(
      String account, String attempt, String staff, String type, String from, String to) {}

  /** A query, or the reason there is none. */
  public record Resolved(AuditQuery query, Text problem) {}

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

  @Inject DirectoryAccounts directory;

  @Inject AuditTrailStore store;

  public Resolved resolve(Form f) {
    try {
      String account = person(f.account(), "account");
      String staff = person(f.staff(), "staff");
      Long attempt = attempt(f.attempt());
      AuditType type = blank(f.type()) ? null : type(f.type());
      Instant from =
          blank(f.from()) ? null : day(f.from(), "from").atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant until =
          blank(f.to())
              ? null
              : day(f.to(), "to").plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      return new Resolved(new AuditQuery(account, attempt, staff, type, from, until), null);
    } catch (Unreadable e) {
      return new Resolved(null, e.problem);
    }
  }

  /** An account's object id from an id or an address. */
  public Resolved account(String typed) {
    return resolve(new Form(typed, null, null, null, null, null));
  }

  private String person(String typed, String what) {
    if (blank(typed)) {
      return null;
    }
    String t = typed.strip();
    if (t.contains("@")) {
      WorkEmail email =
          WorkEmail.parse(t)
              .orElseThrow(() -> new Unreadable(Text.of("audit.problem.not-an-id." + what)));
      List<DirectoryAccount> found;
      try {
        found = directory.findByEmail(email);
      } catch (DirectoryUnavailableException e) {
        throw new Unreadable(Text.of("audit.problem.directory"));
      }
      if (found.size() != 1) {
        throw new Unreadable(
            Text.of(
                (found.isEmpty() ? "audit.problem.no-account." : "audit.problem.several.") + what));
      }
      return found.get(0).id();
    }
    if (!OBJECT_ID.matcher(t).matches()) {
      throw new Unreadable(Text.of("audit.problem.not-an-id." + what));
    }
    return t.toLowerCase(Locale.ROOT);
  }

  private Long attempt(String typed) {
    if (blank(typed)) {
      return null;
    }
    String t = typed.strip();
    if (t.chars().allMatch(Character::isDigit) && t.length() <= 18) {
      return Long.parseLong(t);
    }
    Optional<Long> ofCase =
        t.length() <= 20 ? store.attemptOfCase(t.toUpperCase(Locale.ROOT)) : Optional.empty();
    return ofCase.orElseThrow(() -> new Unreadable(Text.of("audit.problem.no-attempt")));
  }

  private static AuditType type(String typed) {
    try {
      return AuditType.valueOf(typed.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Unreadable(Text.of("audit.problem.no-type"));
    }
  }

  private static LocalDate day(String typed, String which) {
    try {
      return LocalDate.parse(typed.strip());
    } catch (DateTimeParseException e) {
      throw new Unreadable(Text.of("audit.problem.date." + which));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Text problem;

    Unreadable(Text problem) {
      super(problem.key(), null, false, false);
      this.problem = problem;
    }
  }
}
