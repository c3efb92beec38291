package io.recoveryportal.directory.graph;

/**
 * Graph {@code $filter} expressions for finding a user, with literals escaped as OData requires.
 */
public final class UserFilters {

  private UserFilters() {}

  /** An OData string literal: single quotes, with any quote inside doubled. */
  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * Every address a person may know their account by: mail, userPrincipalName, other (personal)
   * mails and any SMTP proxy address. Graph compares these without regard to case; proxy addresses
   * carry an "smtp:" prefix ("SMTP:" for the primary), which the comparison also ignores the case
   * of.
   */
  public static String byAnyAddress(String email) {
    String v = literal(email);
    return "mail eq "
        + v
        + " or userPrincipalName eq "
        + v
        + " or otherMails/any(m:m eq "
        + v
        + ")"
        + " or proxyAddresses/any(p:p eq "
        + literal("smtp:" + email)
        + ")";
  }
}
