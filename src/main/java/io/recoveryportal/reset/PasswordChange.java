package io.recoveryportal.reset;

import io.recoveryportal.i18n.Text;

/**
 * The directory's answer to a new password: accepted, or refused by its policy with a
 * plain-language reason.
 */
public record PasswordChange(boolean accepted, Text refusalReason) {

  public static PasswordChange accept() {
    return new PasswordChange(true, null);
  }

  public static PasswordChange refuse(Text reason) {
    return new PasswordChange(false, reason);
  }
}
