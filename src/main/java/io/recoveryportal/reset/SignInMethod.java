package io.recoveryportal.reset;

import java.time.Instant;

/**
 * A registered sign-in method of a kind the portal may remove, as the directory lists it.
 *
 * @param createdAt when it was registered, if the directory says (a Temporary Access Pass always
 *     does): what tells a pass issued by an interrupted reset from an older one
 */
public record SignInMethod(MethodKind kind, String id, Instant createdAt) {}
