package io.recoveryportal.activation;

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
 * An invitation to activate one directory account, sent to a personal address. The link's token is
 * kept only as a hash. PENDING until the link starts an identity check (USED), a newer invitation
 * replaces it (SUPERSEDED) or an administrator revokes it (REVOKED); it stops working at {@code
 * expiresAt} in any case.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

  public enum State {
    PENDING,
    USED,
    SUPERSEDED,
    REVOKED
  }

  @Id
  @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
  private Long id;

  @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
  private String tokenHash;

  @Column(name = "directory_user_id", nullable = false, length = 64, updatable = false)
  private String directoryUserId;

  @Column(name = "user_principal_name", nullable = false, length = 254, updatable = false)
  private String userPrincipalName;

  @Column(name = "personal_email", nullable = false, length = 254, updatable = false)
  private String personalEmail;

  @Column(name = "hire_date", updatable = false)
  private Instant hireDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private State state;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 200, updatable = false)
  private String createdBy;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "attempt_id")
  private Long attemptId;

  @Version private long version;

  protected Invitation() {
    // for JPA
  }

  public Invitation(
      String tokenHash,
      String directoryUserId,
      String userPrincipalName,
      String personalEmail,
      Instant hireDate,
      String createdBy,
      Instant now,
      Instant expiresAt) {
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.directoryUserId = Objects.requireNonNull(directoryUserId);
    this.userPrincipalName = Objects.requireNonNull(userPrincipalName);
    this.personalEmail = Objects.requireNonNull(personalEmail);
    this.hireDate = hireDate;
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = now;
    this.expiresAt = expiresAt;
    this.state = State.PENDING;
  }

  /** Whether the link may still start an identity check. */
  public boolean usableAt(Instant now) {
    return state == State.PENDING && now.isBefore(expiresAt);
  }

  void end(State next, Instant now) {
    if (state != State.PENDING) {
      throw new IllegalStateException("invitation is " + state);
    }
    this.state = next;
    this.endedAt = now;
  }

  void used(long attemptId, Instant now) {
    end(State.USED, now);
    this.attemptId = attemptId;
  }

  public Long getId() {
    return id;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public String getDirectoryUserId() {
    return directoryUserId;
  }

  public String getUserPrincipalName() {
    return userPrincipalName;
  }

  public String getPersonalEmail() {
    return personalEmail;
  }

  public Instant getHireDate() {
    return hireDate;
  }

  public State getState() {
    return state;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public Long getAttemptId() {
    return attemptId;
  }
}
