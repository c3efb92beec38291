package io.recoveryportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * One finished Incode verification session as the sandbox's tester decided it: whose document was
 * read, what it said, and the overall status. The ID token and userinfo are built from it.
 *
 * @param hintedPersonId the employee the login hint named, or null when the hint matched nobody
 * @param documentOwnerId the person whose ID was presented (differs from the hinted one in an
 *     impostor test)
 * @param email the address Incode returns: the login hint when it is an address, else the owner's
 *     mail
 */
public record IncodeVerification(
    String interviewId,
    String identityId,
    String hintedPersonId,
    String documentOwnerId,
    Outcome outcome,
    People.Document document,
    String email,
    boolean faceReauthentication,
    Instant completedAt) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What the tester can make the verification end with. Status values are exactly Incode's. */
  public enum Outcome {
    VERIFIED("OK", 98.7, "Verified: the ID is genuine and the selfie matches it"),
    MIDDLE_NAME_DIFFERS("OK", 97.9, "Verified, but the ID shows a different middle name"),
    NAME_TYPO("OK", 96.4, "Verified, but the name on the ID differs by one letter"),
    BIRTHDATE_DIFFERS("OK", 97.2, "Verified, but the ID shows a different birthdate"),
    OTHER_PERSONS_ID(
        "OK", 95.1, "Verified, but the ID presented is another person's (choose whose below)"),
    MANUAL_REVIEW("MANUAL_REVIEW", 61.0, "Escalated: Incode could not decide (MANUAL_REVIEW)"),
    FAIL("FAIL", 12.0, "Failed: the selfie does not match the ID, or the ID is not genuine (FAIL)");

    private final String status;
    private final double score;
    private final String label;

    Outcome(String status, double score, String label) {
      this.status = status;
      this.score = score;
      this.label = label;
    }

    /** auth_overall_status: OK, FAIL or MANUAL_REVIEW. */
    public String status() {
      return status;
    }

    /** auth_overall_score. */
    public double score() {
      return score;
    }

    public String label() {
      return label;
    }

    /**
     * The document as Incode reads it for this outcome: the person's own, or a realistic variant of
     * it.
     */
    public People.Document read(People.Document d) {
      return switch (this) {
        case MIDDLE_NAME_DIFFERS -> withGivenName(d, otherMiddleName(d.givenName()));
        case NAME_TYPO -> withFamilyName(d, oneLetterTypo(d.familyName()));
        case BIRTHDATE_DIFFERS ->
            new People.Document(
                d.name(), d.givenName(), d.familyName(), otherBirthdate(d.birthdate()), d.gender());
        default -> d;
      };
    }
  }

  public String status() {
    return outcome.status();
  }

  public double score() {
    return outcome.score();
  }

  /**
   * Incode's identity record id for a person: stable, so a returning user keeps it (seed 002 passes
   * it back as login_hint), and shaped like Incode's 24-hex ids.
   */
  public static String identityIdOf(String personId) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(("incode-identity:" + personId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A new session id shaped like Incode's (a Mongo ObjectId: seconds since the epoch, then random
   * bytes).
   */
  public static String newInterviewId() {
    byte[] r = new byte[8];
    RANDOM.nextBytes(r);
    return String.format("%08x", Instant.now().getEpochSecond()) + HexFormat.of().formatHex(r);
  }

  /**
   * "MICHAEL JAMES" loses its last given name; a single "JANE" gains "A.", as in Incode's own
   * example.
   */
  static String otherMiddleName(String given) {
    int space = given.lastIndexOf(' ');
    return space > 0 ? given.substring(0, space) : given + " A.";
  }

  /**
   * The last vowel swapped for a look-alike (SMITH → SMYTH): the kind of slip OCR or a clerk makes.
   */
  static String oneLetterTypo(String family) {
    String from = "AEIOUYÁÉÍÓÚ";
    String to = "EAYUOIEAYUO";
    for (int i = family.length() - 1; i > 0; i--) {
      int k = from.indexOf(family.charAt(i));
      if (k >= 0) {
        return family.substring(0, i) + to.charAt(k) + family.substring(i + 1);
      }
    }
    return family + "E";
  }

  /**
   * Day and month swapped where that is still a date (the usual DD/MM slip), else one day later.
   */
  static String otherBirthdate(String birthdate) {
    LocalDate d = LocalDate.parse(birthdate);
    if (d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()) {
      return LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()).toString();
    }
    return d.plusDays(1).toString();
  }

  private static People.Document withGivenName(People.Document d, String given) {
    return new People.Document(
        replaceOnce(d.name(), d.givenName(), given, given + " " + d.familyName()),
        given,
        d.familyName(),
        d.birthdate(),
        d.gender());
  }

  private static People.Document withFamilyName(People.Document d, String family) {
    return new People.Document(
        replaceOnce(d.name(), d.familyName(), family, d.givenName() + " " + family),
        d.givenName(),
        family,
        d.birthdate(),
        d.gender());
  }

  /** The full name keeps the document's own order (NGUYEN VAN AN puts the family name first). */
  private static String replaceOnce(String name, String part, String replacement, String fallback) {
    int i = name.indexOf(part);
    return i < 0
        ? fallback
        : name.substring(0, i) + replacement + name.substring(i + part.length());
  }
}
