package io.recoveryportal.reset;

/**
 * Kinds of registered sign-in methods that an MFA reset may remove. The password is deliberately
 * not one.
 */
public enum MethodKind {
  PHONE,
  MICROSOFT_AUTHENTICATOR,
  SOFTWARE_OATH,
  FIDO2,
  EMAIL,
  WINDOWS_HELLO_FOR_BUSINESS,
  PLATFORM_CREDENTIAL,
  TEMPORARY_ACCESS_PASS
}
