package io.recoveryportal.staff;

import io.recoveryportal.oidc.PendingAuthorization;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A staff sign-in on its way to Entra, kept in the HTTP session of the browser that started it
 * until the callback takes it (once). The session, not a table: the values must be bound to that
 * browser (ASVS 10.1.2), the session cookie (SameSite=Lax) rides along on the redirect back, and
 * the session id is changed on success anyway. Like Faces' view state, it needs sticky sessions or
 * session replication in a cluster.
 *
 * @param next a local path checked by {@link LocalPath}: where the browser goes after signing in
 */
record PendingStaffSignIn(
    String state, String nonce, String codeVerifier, String next, Instant startedAt)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Entra's own sign-in page gives up after about this long; a later callback is refused. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  static PendingStaffSignIn of(PendingAuthorization p, String next, Instant now) {
    return new PendingStaffSignIn(p.state(), p.nonce(), p.codeVerifier(), next, now);
  }

  PendingAuthorization authorization() {
    return new PendingAuthorization(null, state, nonce, codeVerifier);
  }

  boolean expiredAt(Instant now) {
    return !now.isBefore(startedAt.plus(LIFETIME));
  }

  @Override
  public String toString() {
    return "PendingStaffSignIn[startedAt=" + startedAt + "]";
  }
}
