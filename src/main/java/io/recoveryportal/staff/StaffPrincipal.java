package io.recoveryportal.staff;

import io.recoveryportal.audit.Actor;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A signed-in staff member, as the HTTP session holds it: who (Entra object id, sign-in name,
 * display name), what they may do (app roles at sign-in time), and the two times the session
 * timeouts are measured from. Immutable; {@link #seenAt} makes the copy the session stores after
 * each request.
 *
 * @param oid the user's Entra object id: stable, never reassigned; compare people by this
 * @param username {@code preferred_username} (usually the UPN); for display, never for identity
 * @param name the display name
 * @param roles the known app roles from the ID token
 * @param signedInAt when the sign-in completed (absolute timeout)
 * @param lastSeen the last staff request (idle timeout)
 */
public record StaffPrincipal(
    String oid,
    String username,
    String name,
    Set<StaffRole> roles,
    Instant signedInAt,
    Instant lastSeen)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public StaffPrincipal {
    if (oid == null || oid.isBlank() || signedInAt == null || lastSeen == null) {
      throw new IllegalArgumentException("a staff principal needs an object id and its times");
    }
    // EnumSet is serialisable and cheap; an unmodifiable view keeps the record immutable
    roles =
        Collections.unmodifiableSet(
            roles == null || roles.isEmpty()
                ? EnumSet.noneOf(StaffRole.class)
                : EnumSet.copyOf(roles));
  }

  /** The audit trail's actor for this person. */
  public Actor actor() {
    return Actor.staff(oid);
  }

  public boolean hasRole(StaffRole role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(StaffRole... wanted) {
    return Arrays.stream(wanted).anyMatch(roles::contains);
  }

  public StaffPrincipal seenAt(Instant now) {
    return new StaffPrincipal(oid, username, name, roles, signedInAt, now);
  }

  /** No names: principals end up in log lines by accident. */
  @Override
  public String toString() {
    return "StaffPrincipal[oid=" + oid + ", roles=" + roles + "]";
  }
}
