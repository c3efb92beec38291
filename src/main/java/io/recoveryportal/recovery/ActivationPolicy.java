package io.recoveryportal.recovery;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditType;

/** A new hire's activation: an invited, still disabled account, enabled by the credential step. */
final class ActivationPolicy implements KindPolicy {

  @Override
  public Actor actor() {
    return Actor.person("new-hire");
  }

  @Override
  public boolean needsEnabledAccount() {
    return false;
  }

  @Override
  public String accountChangedWords() {
    return "account gone or already enabled since the invitation";
  }

  @Override
  public boolean carriesApprovalsOver() {
    return false;
  }

  @Override
  public boolean activatesAccount() {
    return true;
  }

  @Override
  public AuditType passwordAuditType() {
    return AuditType.ACTIVATION_PASSWORD;
  }

  @Override
  public AuditType mfaAuditType() {
    return AuditType.ACTIVATION_MFA;
  }

  @Override
  public AuditType completedAuditType() {
    return AuditType.ACTIVATION_COMPLETED;
  }

  @Override
  public String tapKeyPrefix() {
    return "activation.tap";
  }

  /** A working day: the new hire's first sign-in, passwordless. */
  @Override
  public java.time.Duration defaultTapLifetime() {
    return java.time.Duration.ofHours(8);
  }

  /** The new hire hears of a decision at their personal address, from activation's own notices. */
  @Override
  public boolean employeeMailedOfDecision() {
    return false;
  }
}
