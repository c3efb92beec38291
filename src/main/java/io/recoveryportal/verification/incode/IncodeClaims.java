package io.recoveryportal.verification.incode;

import io.recoveryportal.oidc.OidcLogin;
import io.recoveryportal.verification.ProofingStatus;
import io.recoveryportal.verification.VerificationResult;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Incode's claims (seed 000, "Decoded ID token payload" and "Userinfo response") as the portal's
 * {@link VerificationResult}. The verdict and the session's identifiers come only from the signed
 * ID token; the document's name and birthdate from userinfo, where Incode puts them, else from the
 * ID token.
 */
final class IncodeClaims {

  static final String STATUS = "auth_overall_status";
  static final String SCORE = "auth_overall_score";
  static final String IDENTITY_ID = "identity_id";
  static final String INTERVIEW_ID = "interview_id";

  /**
   * OpenID Connect's birthdate is YYYY-MM-DD; a year alone or a "0000" year (withheld) is no usable
   * date.
   */
  private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private IncodeClaims() {}

  static VerificationResult result(OidcLogin login) {
    return new VerificationResult(
        status(login.idTokenString(STATUS).orElse(null)),
        login.subject(),
        login.idTokenString(IDENTITY_ID).orElse(null),
        login.idTokenString(INTERVIEW_ID).orElse(null),
        login.profileString("name").orElse(null),
        login.profileString("given_name").orElse(null),
        birthdate(login.profileString("birthdate").orElse(null)),
        score(login.idToken().getClaim(SCORE)));
  }

  /**
   * Only Incode's two passing values pass, compared exactly. Anything else (FAIL, no claim, a
   * webhook value such as MANUAL_REVIEW_APPROVED, a different case) is FAIL: an unknown verdict is
   * never a success.
   */
  static ProofingStatus status(String claim) {
    if ("OK".equals(claim)) {
      return ProofingStatus.OK;
    }
    if ("MANUAL_REVIEW".equals(claim)) {
      return ProofingStatus.MANUAL_REVIEW;
    }
    return ProofingStatus.FAIL;
  }

  /** A real calendar date, or null; "1985-02-30" and "0000-06-15" are null, not guessed. */
  static LocalDate birthdate(String claim) {
    if (claim == null || !FULL_DATE.matcher(claim).matches() || claim.startsWith("0000")) {
      return null;
    }
    try {
      return LocalDate.parse(claim);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Incode's guide shows a number; its Auth0 example stores a string ("100.0"). Either, or null.
   */
  static Double score(Object claim) {
    double value;
    if (claim instanceof Number n) {
      value = n.doubleValue();
    } else if (claim instanceof String s) {
      try {
        value = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return Double.isFinite(value) ? value : null;
  }
}
