package io.recoveryportal.reset;

import java.time.Instant;

/**
 * What the directory says now about an account's password and whether it is switched on: how a
 * write that was interrupted (no answer, a dropped connection, a crash) ended.
 *
 * @param passwordChangedAt when the password was last changed (Entra's lastPasswordChangeDateTime,
 *     whole seconds), or null when the directory did not say
 */
public record CredentialState(Instant passwordChangedAt, boolean enabled) {}
