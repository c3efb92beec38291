package io.recoveryportal.recovery;

/** A new hire's activation: an invited, still disabled account, enabled by the credential step. */
final class ActivationPolicy implements KindPolicy {

    @Override
    public String actor() {
        return "new-hire";
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
    public String stepAuditPrefix() {
        return "activation.";
    }

    @Override
    public String completedAuditType() {
        return "activation.completed";
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
