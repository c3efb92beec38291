package io.recoveryportal.reset;

/** The directory's answer to a new password: accepted, or refused by its policy with a plain-language reason. */
public record PasswordChange(boolean accepted, String refusalReason) {

    public static PasswordChange accept() {
        return new PasswordChange(true, null);
    }

    public static PasswordChange refuse(String reason) {
        return new PasswordChange(false, reason);
    }
}
