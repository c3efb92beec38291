package io.recoveryportal.matching;

/**
 * The Entra directory's raw values for the account being recovered. {@code birthdate} is the
 * extension attribute's string exactly as Graph returned it (it may be null or malformed). Any
 * component may be null.
 */
public record DirectoryPerson(
    String givenName, String surname, String displayName, String birthdate) {}
