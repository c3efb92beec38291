package io.recoveryportal.recovery;

import io.recoveryportal.verification.ProofingStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/**
 * What the identity check proved, as far as the attempt keeps it: the Incode interview and
 * identity, the overall status and score, and, for a reviewer only, the verified names and
 * birthdate (kept when a case opens; retention clears them). A value: each step makes a new one, so
 * a half-written record never exists.
 */
@Embeddable
public class ProofingRecord {

  /** Nothing proved yet. */
  public static final ProofingRecord NONE = new ProofingRecord();

  @Column(name = "incode_interview_id", length = 128)
  private String interviewId;

  @Column(name = "incode_identity_id", length = 128)
  private String identityId;

  @Enumerated(EnumType.STRING)
  @Column(name = "proofing_status", length = 20)
  private ProofingStatus status;

  @Column(name = "proofing_score")
  private Double score;

  @Column(name = "verified_full_name", length = 300)
  private String verifiedFullName;

  @Column(name = "verified_given_name", length = 300)
  private String verifiedGivenName;

  @Column(name = "verified_birthdate")
  private LocalDate verifiedBirthdate;

  protected ProofingRecord() {
    // for JPA, and NONE
  }

  private ProofingRecord(
      String interviewId,
      String identityId,
      ProofingStatus status,
      Double score,
      String fullName,
      String givenName,
      LocalDate birthdate) {
    this.interviewId = interviewId;
    this.identityId = identityId;
    this.status = status;
    this.score = score;
    this.verifiedFullName = fullName;
    this.verifiedGivenName = givenName;
    this.verifiedBirthdate = birthdate;
  }

  /** The session is known (a helpdesk request's, before any result). */
  public ProofingRecord session(String interviewId, String identityId) {
    return new ProofingRecord(
        interviewId,
        identityId,
        status,
        score,
        verifiedFullName,
        verifiedGivenName,
        verifiedBirthdate);
  }

  /** The provider's verdict on the session. */
  public ProofingRecord result(
      ProofingStatus status, Double score, String interviewId, String identityId) {
    return new ProofingRecord(
        interviewId,
        identityId,
        status,
        score,
        verifiedFullName,
        verifiedGivenName,
        verifiedBirthdate);
  }

  /** What the document said, kept for a reviewer. */
  public ProofingRecord withEvidence(String fullName, String givenName, LocalDate birthdate) {
    return new ProofingRecord(
        interviewId, identityId, status, score, fullName, givenName, birthdate);
  }

  /** Retention: the names and birthdate go, the rest stays. */
  public ProofingRecord withoutEvidence() {
    return new ProofingRecord(interviewId, identityId, status, score, null, null, null);
  }

  public String interviewId() {
    return interviewId;
  }

  public String identityId() {
    return identityId;
  }

  public ProofingStatus status() {
    return status;
  }

  public Double score() {
    return score;
  }

  public String verifiedFullName() {
    return verifiedFullName;
  }

  public String verifiedGivenName() {
    return verifiedGivenName;
  }

  public LocalDate verifiedBirthdate() {
    return verifiedBirthdate;
  }

  @Override
  public String toString() {
    // the names and birthdate are personal data: never in a log line
    return "ProofingRecord[interviewId=" + interviewId + ", status=" + status + "]";
  }
}
