package io.recoveryportal.lookup;

import java.util.List;

/**
 * What the portal reads about an account. {@code birthdate} is the raw value of the configured
 * directory attribute (null when the account has none): matching decides what a usable value is.
 * {@code preferredLanguage} is the directory's (a BCP 47 tag such as "de-DE", or null), read with
 * the same call, for the person's emails.
 */
public record DirectoryAccount(
    String id,
    String userPrincipalName,
    String mail,
    List<String> otherMails,
    String givenName,
    String surname,
    String displayName,
    String birthdate,
    boolean enabled,
    String preferredLanguage) {

  public DirectoryAccount {
    otherMails = otherMails == null ? List.of() : List.copyOf(otherMails);
  }

  /**
   * Where notices about this account go: the primary mail (or UPN) and every other mail, without
   * repeats.
   */
  public List<String> notificationAddresses() {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    out.add(
        (mail == null || mail.isBlank() ? userPrincipalName : mail)
            .toLowerCase(java.util.Locale.ROOT));
    otherMails.forEach(m -> out.add(m.toLowerCase(java.util.Locale.ROOT)));
    return List.copyOf(out);
  }
}
