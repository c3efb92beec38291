package io.recoveryportal.matching;

import java.time.LocalDate;

/**
 * What Incode verified from the government ID, as its userinfo gives it. There is no family-name
 * claim: {@code fullName} is the legal name as printed ("JANE A. SMITH"); {@code givenName} is
 * meant to hold the given names but in Incode's own example carries the full name. {@code
 * documentCountry} is the ICAO Doc 9303 three-letter code of the document's issuing state or the
 * holder's nationality ("ESP"), which decides which of two surnames is the one in use; null when
 * unknown, and today always unknown: none of Incode's documented claims carries it. Any component
 * may be null or blank.
 */
public record VerifiedIdentity(
    String fullName, String givenName, LocalDate birthdate, String documentCountry) {

  public VerifiedIdentity {
    // Anything but three letters is as good as unknown: the convention table is keyed by ICAO
    // codes.
    documentCountry =
        documentCountry != null && documentCountry.strip().matches("[A-Za-z]{3}")
            ? documentCountry.strip()
            : null;
  }

  /** An identity whose document country is unknown (what Incode's claims give). */
  public VerifiedIdentity(String fullName, String givenName, LocalDate birthdate) {
    this(fullName, givenName, birthdate, null);
  }
}
