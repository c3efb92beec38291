package io.recoveryportal.sandbox;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entra's password rules for cloud accounts, as far as an admin reset meets them: 8 to 256
 * characters, three of the four character classes, nothing of the user's own name, and no banned
 * term. Entra's banned-password check normalises common substitutions (0 for o, @ for a...) before
 * looking for banned terms; this does the same with a short list, enough for demos and tests to see
 * a realistic refusal.
 */
final class EntraPasswordPolicy {

  static final String REFUSAL =
      "The specified password does not comply with password complexity requirements. "
          + "Please provide a different password.";

  private static final int MIN_LENGTH = 8;
  private static final int MAX_LENGTH = 256;
  private static final int MIN_NAME_PART = 3;
  private static final List<String> BANNED_TERMS =
      List.of("password", "contoso", "welcome", "qwerty", "letmein", "123456");

  private EntraPasswordPolicy() {}

  static boolean complies(Directory.User user, String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      return false;
    }
    if (characterClasses(password) < 3) {
      return false;
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (nameParts(user).stream().anyMatch(lower::contains)) {
      return false;
    }
    String normalised = substitute(lower);
    return BANNED_TERMS.stream()
        .noneMatch(term -> lower.contains(term) || normalised.contains(term));
  }

  private static int characterClasses(String p) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean symbol = false;
    for (char c : p.toCharArray()) {
      if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isUpperCase(c)) {
        upper = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else {
        symbol = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
  }

  /** The UPN's local part and each part of the names, lower-cased, with and without diacritics. */
  private static List<String> nameParts(Directory.User user) {
    List<String> parts = new ArrayList<>();
    String upn = user.userPrincipalName();
    String local = upn.substring(0, Math.max(0, upn.indexOf('@'))).toLowerCase(Locale.ROOT);
    parts.add(local);
    for (String source :
        new String[] {local, user.givenName(), user.surname(), user.displayName()}) {
      if (source == null) {
        continue;
      }
      for (String part : source.toLowerCase(Locale.ROOT).split("[\\s.\\-_'@]+")) {
        if (part.length() >= MIN_NAME_PART) {
          parts.add(part);
          parts.add(Normalizer.normalize(part, Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
        }
      }
    }
    return parts;
  }

  private static String substitute(String lower) {
    return lower
        .replace('0', 'o')
        .replace('@', 'a')
        .replace('$', 's')
        .replace('3', 'e')
        .replace('1', 'l')
        .replace('!', 'i');
  }
}
