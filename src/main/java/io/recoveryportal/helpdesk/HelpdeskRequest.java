package io.recoveryportal.helpdesk;

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
 * A verification a helpdesk agent sent to an employee: who asked (and for which ticket), whom it is
 * for, the Incode session, where it stands with the time it reached each stage, and the reset link
 * that may follow. The verdict itself lives in the attempt it points at, the same kind of record
 * self-service uses; this row is the agent's view of it. The reset link is stored only as the hash
 * of its token.
 */
@Entity
@Table(name = "helpdesk_request")
public class HelpdeskRequest {

  @Id
  @SequenceGenerator(
      name = "helpdesk_request_seq",
      sequenceName = "helpdesk_request_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "helpdesk_request_seq")
  private Long id;

  @Column(name = "attempt_id", nullable = false, updatable = false)
  private Long attemptId;

  @Column(name = "agent_id", nullable = false, length = 64, updatable = false)
  private String agentId;

  @Column(name = "agent_name", length = 200, updatable = false)
  private String agentName;

  @Column(length = 40, updatable = false)
  private String ticket;

  @Column(name = "directory_user_id", nullable = false, length = 64, updatable = false)
  private String directoryUserId;

  @Column(name = "employee", nullable = false, length = 254, updatable = false)
  private String employee;

  @Column(name = "interview_id", nullable = false, length = 128, updatable = false)
  private String interviewId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private HelpdeskStatus status;

  @Column(name = "link_sent_at", nullable = false, updatable = false)
  private Instant linkSentAt;

  @Column(name = "in_progress_at")
  private Instant inProgressAt;

  @Column(name = "pending_review_at")
  private Instant pendingReviewAt;

  @Column(name = "succeeded_at")
  private Instant succeededAt;

  @Column(name = "failed_at")
  private Instant failedAt;

  @Column(length = 200)
  private String problem;

  @Column(name = "reset_link_hash", length = 64)
  private String resetLinkHash;

  @Column(name = "reset_link_sent_at")
  private Instant resetLinkSentAt;

  @Column(name = "reset_link_expires_at")
  private Instant resetLinkExpiresAt;

  @Column(name = "reset_link_used_at")
  private Instant resetLinkUsedAt;

  @Version private long version;

  protected HelpdeskRequest() {
    // for JPA
  }

  public HelpdeskRequest(
      long attemptId,
      String agentId,
      String agentName,
      String ticket,
      String directoryUserId,
      String employee,
      String interviewId,
      Instant sentAt) {
    this.attemptId = attemptId;
    this.agentId = Objects.requireNonNull(agentId);
    this.agentName = agentName;
    this.ticket = ticket;
    this.directoryUserId = Objects.requireNonNull(directoryUserId);
    this.employee = Objects.requireNonNull(employee);
    this.interviewId = Objects.requireNonNull(interviewId);
    this.status = HelpdeskStatus.LINK_SENT;
    this.linkSentAt = sentAt;
  }

  /**
   * Moves forward to {@code next} at {@code at}; false, with the status unchanged, when that would
   * be backwards or out of a final status. A stage heard of late (a "started" after the result)
   * still keeps its time for the timeline, as long as it is not a final one.
   */
  public boolean advance(HelpdeskStatus next, Instant at) {
    if (status.mayMoveTo(next)) {
      status = next;
      stamp(next, at);
      return true;
    }
    if (!next.isFinal() && reachedAt(next) == null) {
      stamp(next, at);
    }
    return false;
  }

  private void stamp(HelpdeskStatus s, Instant at) {
    switch (s) {
      case LINK_SENT -> {}
      case IN_PROGRESS -> inProgressAt = at;
      case PENDING_REVIEW -> pendingReviewAt = at;
      case SUCCESS -> succeededAt = at;
      case FAILED -> failedAt = at;
    }
  }

  /** When the request reached {@code s}, or null if it has not (yet). */
  public Instant reachedAt(HelpdeskStatus s) {
    return switch (s) {
      case LINK_SENT -> linkSentAt;
      case IN_PROGRESS -> inProgressAt;
      case PENDING_REVIEW -> pendingReviewAt;
      case SUCCESS -> succeededAt;
      case FAILED -> failedAt;
    };
  }

  /** The verification cannot go on (the link could not be delivered): Failed, with why. */
  public void givenUp(String why, Instant at) {
    this.problem = why;
    advance(HelpdeskStatus.FAILED, at);
  }

  /** A new reset link replaces any earlier one, which stops working. */
  public void resetLinkSent(String tokenHash, Instant now, Instant expires) {
    this.resetLinkHash = Objects.requireNonNull(tokenHash);
    this.resetLinkSentAt = now;
    this.resetLinkExpiresAt = expires;
    this.resetLinkUsedAt = null;
  }

  public boolean resetLinkUsable(Instant now) {
    return resetLinkHash != null && resetLinkUsedAt == null && now.isBefore(resetLinkExpiresAt);
  }

  public void resetLinkUsed(Instant now) {
    this.resetLinkUsedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getAttemptId() {
    return attemptId;
  }

  public String getAgentId() {
    return agentId;
  }

  public String getAgentName() {
    return agentName;
  }

  public String getTicket() {
    return ticket;
  }

  public String getDirectoryUserId() {
    return directoryUserId;
  }

  public String getEmployee() {
    return employee;
  }

  public String getInterviewId() {
    return interviewId;
  }

  public HelpdeskStatus getStatus() {
    return status;
  }

  public Instant getLinkSentAt() {
    return linkSentAt;
  }

  public String getProblem() {
    return problem;
  }

  public Instant getResetLinkSentAt() {
    return resetLinkSentAt;
  }

  public Instant getResetLinkExpiresAt() {
    return resetLinkExpiresAt;
  }

  public Instant getResetLinkUsedAt() {
    return resetLinkUsedAt;
  }

  public long getVersion() {
    return version;
  }
}
