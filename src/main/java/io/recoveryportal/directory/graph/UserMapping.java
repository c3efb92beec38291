package io.recoveryportal.directory.graph;

import com.microsoft.graph.models.User;
import com.microsoft.kiota.serialization.UntypedString;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryProfile;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Between Graph's {@link User} and the portal's {@link DirectoryAccount}: what to select, how to
 * map, how to re-check.
 */
final class UserMapping {

  /**
   * Graph's prefix on secondary SMTP proxy addresses ("SMTP:" for the primary); compared without
   * case.
   */
  private static final String SMTP_PREFIX = "smtp:";

  private UserMapping() {}

  /**
   * The properties to {@code $select}: what {@link DirectoryAccount} holds, plus proxyAddresses,
   * which the account does not keep but the exact re-check of a lookup needs. otherMails,
   * proxyAddresses, accountEnabled and extensions are returned only when selected.
   */
  static String[] selection(String birthdateAttribute) {
    return new String[] {
      "id",
      "userPrincipalName",
      "mail",
      "otherMails",
      "proxyAddresses",
      "givenName",
      "surname",
      "displayName",
      "accountEnabled",
      "preferredLanguage",
      birthdateAttribute
    };
  }

  /** The account's selection plus what a reviewer or an activation needs to see. */
  static String[] profileSelection(String birthdateAttribute) {
    return Stream.concat(
            Stream.of(selection(birthdateAttribute)),
            Stream.of(
                "department",
                "jobTitle",
                "createdDateTime",
                "lastPasswordChangeDateTime",
                "employeeHireDate"))
        .toArray(String[]::new);
  }

  static DirectoryProfile toProfile(User u, User manager, String birthdateAttribute) {
    return new DirectoryProfile(
        toAccount(u, birthdateAttribute),
        u.getDepartment(),
        u.getJobTitle(),
        manager == null ? null : manager.getDisplayName(),
        manager == null ? null : manager.getId(),
        instant(u.getCreatedDateTime()),
        instant(u.getLastPasswordChangeDateTime()),
        instant(u.getEmployeeHireDate()));
  }

  private static java.time.Instant instant(java.time.OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  static DirectoryAccount toAccount(User u, String birthdateAttribute) {
    Object birthdate =
        u.getAdditionalData() == null ? null : u.getAdditionalData().get(birthdateAttribute);
    return new DirectoryAccount(
        u.getId(),
        u.getUserPrincipalName(),
        u.getMail(),
        u.getOtherMails(),
        u.getGivenName(),
        u.getSurname(),
        u.getDisplayName(),
        text(birthdate),
        Boolean.TRUE.equals(u.getAccountEnabled()), // not returned means not known to be enabled
        u.getPreferredLanguage());
  }

  /**
   * Whether {@code address} (already lower-cased) is exactly one of the user's addresses, ignoring
   * case. The $filter asks Graph the same; checking again here means a filter that matched too much
   * (a quoting bug, a change in Graph) can never hand the portal somebody else's account.
   */
  static boolean answersTo(User u, String address) {
    Stream<String> direct =
        Stream.concat(
            Stream.of(u.getMail(), u.getUserPrincipalName()), list(u.getOtherMails()).stream());
    Stream<String> proxies =
        list(u.getProxyAddresses()).stream()
            .filter(Objects::nonNull)
            .filter(p -> p.regionMatches(true, 0, SMTP_PREFIX, 0, SMTP_PREFIX.length()))
            .map(p -> p.substring(SMTP_PREFIX.length()));
    return Stream.concat(direct, proxies)
        .filter(Objects::nonNull)
        .anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(address));
  }

  /**
   * The personal address a scan invites: the first of otherMails, or a directory extension's value.
   */
  static String personalEmail(User u, String attribute) {
    if ("otherMails".equals(attribute)) {
      return list(u.getOtherMails()).stream().filter(Objects::nonNull).findFirst().orElse(null);
    }
    return text(u.getAdditionalData() == null ? null : u.getAdditionalData().get(attribute));
  }

  /**
   * An extension's raw value: the SDK gives a String, or an untyped node on some serializer
   * versions.
   */
  private static String text(Object value) {
    if (value instanceof UntypedString s) {
      return s.getValue();
    }
    return value instanceof String s ? s : null;
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : values;
  }
}
