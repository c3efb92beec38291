package io.recoveryportal.matching;

import java.time.LocalDate;

/**
 * What Incode verified from the government ID, as its userinfo gives it. There is no family-name claim:
 * {@code fullName} is the legal name as printed ("JANE A. SMITH"); {@code givenName} is meant to hold the given
 * names but in Incode's own example carries the full name. Any component may be null or blank.
 */
public record VerifiedIdentity(String fullName, String givenName, LocalDate birthdate) {
}
