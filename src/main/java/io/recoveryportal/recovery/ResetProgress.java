package io.recoveryportal.recovery;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * How far the reset an attempt earned has come: which parts are done, when the current claim was
 * made, when the directory was last read to learn how an unanswered write ended, and when
 * everything was done. While the attempt is RESETTING, {@code resettingUserId} names its account: a
 * unique column, so one account has one reset in flight.
 */
@Embeddable
public class ResetProgress {

  @Column(name = "password_done", nullable = false)
  private boolean passwordDone;

  @Column(name = "mfa_done", nullable = false)
  private boolean mfaDone;

  @Column(name = "reset_started_at")
  private Instant startedAt;

  @Column(name = "reset_checked_at")
  private Instant checkedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "resetting_user_id", length = 64)
  private String resettingUserId;

  public ResetProgress() {
    // nothing done yet; also for JPA
  }

  /** A reset is claimed now; what an earlier, interrupted one left to say is no longer news. */
  void started(Instant now) {
    this.startedAt = now;
    this.checkedAt = null;
  }

  /**
   * The directory was read now to learn how an interrupted reset write ended (or such a reading is
   * under way).
   */
  void checked(Instant now) {
    this.checkedAt = now;
  }

  void passwordDone() {
    this.passwordDone = true;
  }

  void mfaDone() {
    this.mfaDone = true;
  }

  void completed(Instant now) {
    this.completedAt = now;
  }

  /** Names the account while a reset of it is in flight, null otherwise. */
  void resetting(String userId) {
    this.resettingUserId = userId;
  }

  /**
   * Whether a reset in flight is being found out from the directory rather than awaited: a write
   * went unanswered, or the claim is older than {@code claimTimeout} (the node that held it is
   * gone).
   */
  boolean inDoubt(Instant now, Duration claimTimeout) {
    return checkedAt != null || startedAt == null || !now.isBefore(startedAt.plus(claimTimeout));
  }

  public boolean passwordIsDone() {
    return passwordDone;
  }

  public boolean mfaIsDone() {
    return mfaDone;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant checkedAt() {
    return checkedAt;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public String resettingUserId() {
    return resettingUserId;
  }
}
