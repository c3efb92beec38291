package io.recoveryportal.review;

import io.recoveryportal.recovery.CaseReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A review case: an attempt a reviewer must decide, referred to by the attempt's id (the attempt
 * keeps its own state, expiry and the verified names; the case what review adds): the reference a
 * person can read out, why it was opened, whether it needs two approvers, who holds it, when it was
 * decided, whether reviewers were told it is overdue, and what retention left of the evidence. Its
 * decisions are {@link ReviewDecision} rows that refer to it. The version column lets exactly one
 * of two racing claims or decisions commit.
 */
@Entity
@Table(name = "review_case")
public class ReviewCase {

  @Id
  @SequenceGenerator(name = "review_case_seq", sequenceName = "review_case_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_case_seq")
  private Long id;

  @Column(name = "attempt_id", nullable = false, updatable = false)
  private Long attemptId;

  @Column(nullable = false, length = 20, updatable = false)
  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(length = 30, updatable = false)
  private CaseReason reason;

  /** The reason in words for the audit trail and the case page ("matching: given-name"). */
  @Column(name = "reason_words", length = 200, updatable = false)
  private String reasonWords;

  /** Four-eyes: two approvals by different reviewers, the second senior. */
  @Column(name = "high_risk", nullable = false, updatable = false)
  private boolean highRisk;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "claimed_by", length = 64)
  private String claimedBy;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "sla_notified_at")
  private Instant slaNotifiedAt;

  /**
   * SHA-256 over the verified name, given name, birthdate and interview id, written when retention
   * clears them.
   */
  @Column(name = "evidence_hash", length = 64)
  private String evidenceHash;

  @Column(name = "evidence_purged_at")
  private Instant evidencePurgedAt;

  @Version private long version;

  protected ReviewCase() {
    // for JPA
  }

  public ReviewCase(
      long attemptId,
      String reference,
      CaseReason reason,
      String reasonWords,
      boolean highRisk,
      Instant openedAt) {
    this.attemptId = attemptId;
    this.reference = Objects.requireNonNull(reference);
    this.reason = Objects.requireNonNull(reason);
    this.reasonWords =
        reasonWords == null || reasonWords.length() <= 200
            ? reasonWords
            : reasonWords.substring(0, 200);
    this.highRisk = highRisk;
    this.openedAt = Objects.requireNonNull(openedAt);
  }

  /** A reviewer holds the case until {@code until}; nobody else can decide it meanwhile. */
  void claim(String reviewerId, Instant until) {
    this.claimedBy = reviewerId;
    this.claimedUntil = until;
  }

  void releaseClaim() {
    this.claimedBy = null;
    this.claimedUntil = null;
  }

  public boolean isClaimedBy(String reviewerId, Instant now) {
    return reviewerId.equals(claimedBy) && claimedUntil != null && now.isBefore(claimedUntil);
  }

  public boolean isClaimedByAnotherThan(String reviewerId, Instant now) {
    return claimedBy != null
        && !claimedBy.equals(reviewerId)
        && claimedUntil != null
        && now.isBefore(claimedUntil);
  }

  void decided(Instant now) {
    this.decidedAt = now;
  }

  /** Reviewers have been told this case is overdue; they are told once. */
  void slaNotified(Instant now) {
    this.slaNotifiedAt = now;
  }

  /**
   * Retention cleared the verified name and birthdate (on the attempt); a hash of them stays, so a
   * later dispute can still show that given evidence was (or was not) what the reviewer saw,
   * without keeping the evidence itself.
   */
  void evidencePurged(String hash, Instant now) {
    this.evidenceHash = hash;
    this.evidencePurgedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getAttemptId() {
    return attemptId;
  }

  public String getReference() {
    return reference;
  }

  public CaseReason getReason() {
    return reason;
  }

  public String getReasonWords() {
    return reasonWords;
  }

  public boolean isHighRisk() {
    return highRisk;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public String getClaimedBy() {
    return claimedBy;
  }

  public Instant getClaimedUntil() {
    return claimedUntil;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public Instant getSlaNotifiedAt() {
    return slaNotifiedAt;
  }

  public String getEvidenceHash() {
    return evidenceHash;
  }

  public Instant getEvidencePurgedAt() {
    return evidencePurgedAt;
  }
}
