package io.recoveryportal.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A "this wasn't me" link sent with a reset notice: single use, expiring, stored only as the hash
 * of its token.
 */
@Entity
@Table(name = "report_link")
public class ReportLink {

  @Id
  @SequenceGenerator(name = "report_link_seq", sequenceName = "report_link_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_link_seq")
  private Long id;

  @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
  private String tokenHash;

  @Column(name = "attempt_id", nullable = false, updatable = false)
  private Long attemptId;

  @Column(name = "directory_user_id", nullable = false, length = 64, updatable = false)
  private String directoryUserId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Version private long version;

  protected ReportLink() {
    // for JPA
  }

  public ReportLink(
      String tokenHash,
      Long attemptId,
      String directoryUserId,
      Instant createdAt,
      Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.attemptId = attemptId;
    this.directoryUserId = directoryUserId;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public boolean usableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  public void use(Instant now) {
    this.usedAt = now;
  }

  public Long getAttemptId() {
    return attemptId;
  }

  public String getDirectoryUserId() {
    return directoryUserId;
  }
}
