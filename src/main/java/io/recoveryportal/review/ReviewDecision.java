package io.recoveryportal.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A reviewer's decision on a case ({@link ReviewCase}), with its reason. Never purged: it is the
 * record of who decided what.
 */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

  public enum Kind {
    APPROVE,
    DENY
  }

  @Id
  @SequenceGenerator(
      name = "review_decision_seq",
      sequenceName = "review_decision_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_decision_seq")
  private Long id;

  @Column(name = "case_id", nullable = false, updatable = false)
  private Long caseId;

  @Column(name = "reviewer_id", nullable = false, length = 64, updatable = false)
  private String reviewerId;

  @Column(name = "reviewer_name", nullable = false, length = 200, updatable = false)
  private String reviewerName;

  @Column(nullable = false, updatable = false)
  private boolean senior;

  @Column(nullable = false, length = 10, updatable = false)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Kind decision;

  /** The reason column's length (V3__review.sql). */
  public static final int REASON_MAX = 2000;

  @Column(nullable = false, length = REASON_MAX, updatable = false)
  private String reason;

  @Column(name = "decided_at", nullable = false, updatable = false)
  private Instant decidedAt;

  protected ReviewDecision() {
    // for JPA
  }

  public ReviewDecision(
      Long caseId, Reviewer reviewer, Kind decision, String reason, Instant decidedAt) {
    this.caseId = caseId;
    this.reviewerId = reviewer.id();
    this.reviewerName = reviewer.name();
    this.senior = reviewer.senior();
    this.decision = decision;
    this.reason = reason;
    this.decidedAt = decidedAt;
  }

  public Long getCaseId() {
    return caseId;
  }

  public String getReviewerId() {
    return reviewerId;
  }

  public String getReviewerName() {
    return reviewerName;
  }

  public boolean isSenior() {
    return senior;
  }

  public Kind getDecision() {
    return decision;
  }

  public String getReason() {
    return reason;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
