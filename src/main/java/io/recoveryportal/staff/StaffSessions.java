package io.recoveryportal.staff;

import io.recoveryportal.security.OpaqueTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The staff member in the HTTP session: putting them there (with a new session id), finding them
 * again within the idle and absolute timeouts, and ending the session. The timeouts are the
 * portal's own, measured from the principal's times, so they hold whatever the container's session
 * timeout is and can be tested with a clock.
 */
final class StaffSessions {

  static final String PRINCIPAL = "io.recoveryportal.staff.principal";
  static final String PENDING = "io.recoveryportal.staff.pending";

  /** Per session, for the sign-out form: a cross-site post cannot know it. */
  static final String SIGN_OUT_TOKEN = "io.recoveryportal.staff.sign-out-token";

  /**
   * The principal already checked for this request, so the filter and the page agree and touch it
   * once.
   */
  private static final String CHECKED = "io.recoveryportal.staff.checked";

  /** Why a session ended without a sign-out. */
  enum Expiry {
    IDLE,
    ABSOLUTE;

    /** How the audit trail records a session this timeout ended. */
    io.recoveryportal.audit.AuditOutcome auditOutcome() {
      return this == IDLE
          ? io.recoveryportal.audit.AuditOutcome.IDLE_TIMEOUT
          : io.recoveryportal.audit.AuditOutcome.ABSOLUTE_TIMEOUT;
    }
  }

  /** Told when a session is found past a timeout and ended. */
  interface ExpiryListener {
    void expired(StaffPrincipal principal, Expiry why);
  }

  private final Duration idle;
  private final Duration absolute;

  StaffSessions(Duration idle, Duration absolute) {
    this.idle = idle;
    this.absolute = absolute;
  }

  /**
   * Keeps a pending sign-in; a second one in the same browser replaces the first (its callback then
   * fails).
   */
  static void holdPending(HttpServletRequest req, PendingStaffSignIn pending) {
    req.getSession(true).setAttribute(PENDING, pending);
  }

  /**
   * Takes the pending sign-in out of the session: a callback can use it once, whatever its outcome.
   */
  static Optional<PendingStaffSignIn> takePending(HttpServletRequest req) {
    HttpSession s = req.getSession(false);
    if (s == null || !(s.getAttribute(PENDING) instanceof PendingStaffSignIn p)) {
      return Optional.empty();
    }
    s.removeAttribute(PENDING);
    return Optional.of(p);
  }

  /**
   * Signs the principal in: a new session id (the one the browser had before signing in, possibly
   * planted, is worthless afterwards), a fresh sign-out token, and the container's own timeout no
   * longer than ours.
   */
  void signIn(HttpServletRequest req, StaffPrincipal principal) {
    HttpSession s = req.getSession(true);
    req.changeSessionId();
    s.removeAttribute(PENDING);
    s.setAttribute(PRINCIPAL, principal);
    s.setAttribute(SIGN_OUT_TOKEN, OpaqueTokens.generate());
    s.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idle.toSeconds()));
    req.setAttribute(CHECKED, principal);
  }

  /**
   * The signed-in staff member, if the session is within both timeouts; their last-seen time
   * becomes {@code now}. A session past either timeout is invalidated and reported to {@code
   * listener}, and the request goes on as signed out.
   */
  Optional<StaffPrincipal> current(HttpServletRequest req, Instant now, ExpiryListener listener) {
    if (req.getAttribute(CHECKED) instanceof StaffPrincipal p) {
      return Optional.of(p);
    }
    HttpSession s = req.getSession(false);
    if (s == null || !(s.getAttribute(PRINCIPAL) instanceof StaffPrincipal p)) {
      return Optional.empty();
    }
    Optional<Expiry> expiry = expiry(p, now);
    if (expiry.isPresent()) {
      invalidate(s);
      listener.expired(p, expiry.get());
      return Optional.empty();
    }
    StaffPrincipal seen = p.seenAt(now);
    // set again on every request: a replicating session store only ships attributes that were set
    s.setAttribute(PRINCIPAL, seen);
    req.setAttribute(CHECKED, seen);
    return Optional.of(seen);
  }

  /** Which timeout, if any, has ended a session with this principal at {@code now}. */
  Optional<Expiry> expiry(StaffPrincipal p, Instant now) {
    if (!now.isBefore(p.signedInAt().plus(absolute))) {
      return Optional.of(Expiry.ABSOLUTE);
    }
    return now.isBefore(p.lastSeen().plus(idle)) ? Optional.empty() : Optional.of(Expiry.IDLE);
  }

  /** Whether {@code token} is this session's sign-out token (constant-time). */
  static boolean isSignOutToken(HttpSession s, String token) {
    return s != null
        && token != null
        && s.getAttribute(SIGN_OUT_TOKEN) instanceof String expected
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  static Optional<String> signOutToken(HttpServletRequest req) {
    HttpSession s = req.getSession(false);
    return s != null && s.getAttribute(SIGN_OUT_TOKEN) instanceof String t
        ? Optional.of(t)
        : Optional.empty();
  }

  /**
   * Ends the session outright: principal, Faces views and anything else in it are gone, the id is
   * dead.
   */
  static void invalidate(HttpSession s) {
    try {
      s.invalidate();
    } catch (IllegalStateException alreadyInvalid) {
      // ended by a concurrent request or the container: the outcome wanted
    }
  }
}
