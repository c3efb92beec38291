package io.recoveryportal.recovery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A browser that proved, by a completed verification, that it belongs to the person behind one
 * account: the SHA-256 of its device cookie's token, the account, and the Incode identity that
 * verification proved. Never changed once written; it expires, or is forgotten.
 */
@Entity
@Table(name = "returning_device")
public class ReturningDevice {

  @Id
  @SequenceGenerator(
      name = "returning_device_seq",
      sequenceName = "returning_device_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "returning_device_seq")
  private Long id;

  @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
  private String tokenHash;

  @Column(name = "directory_user_id", nullable = false, length = 64, updatable = false)
  private String directoryUserId;

  @Column(name = "identity_id", nullable = false, length = 128, updatable = false)
  private String identityId;

  @Column(name = "attempt_id", nullable = false, updatable = false)
  private Long attemptId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  protected ReturningDevice() {
    // for JPA
  }

  ReturningDevice(
      String tokenHash,
      String directoryUserId,
      String identityId,
      Long attemptId,
      Instant createdAt,
      Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.directoryUserId = directoryUserId;
    this.identityId = identityId;
    this.attemptId = attemptId;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public String getDirectoryUserId() {
    return directoryUserId;
  }

  public String getIdentityId() {
    return identityId;
  }

  public Long getAttemptId() {
    return attemptId;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  @Override
  public String toString() {
    return "ReturningDevice[" + id + "]";
  }
}
