package io.recoveryportal.staff;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's staff areas and the roles that open each; everything under an area's path belongs to
 * it.
 */
public enum StaffArea {
  REVIEW("/review", Set.of(StaffRole.REVIEWER, StaffRole.SENIOR_REVIEWER)),
  HELPDESK("/helpdesk", Set.of(StaffRole.HELPDESK)),
  ADMIN("/admin", Set.of(StaffRole.ADMIN, StaffRole.HR)),
  /** The audit trail: read-only for auditors, and for administrators. */
  AUDIT("/audit", Set.of(StaffRole.ADMIN, StaffRole.AUDITOR));

  private final String path;
  private final Set<StaffRole> roles;

  StaffArea(String path, Set<StaffRole> roles) {
    this.path = path;
    this.roles = roles;
  }

  public String path() {
    return path;
  }

  /**
   * The area a request path (below the context root, already normalised by the container) lies in.
   */
  public static Optional<StaffArea> of(String path) {
    return path == null
        ? Optional.empty()
        : Arrays.stream(values())
            .filter(a -> path.equals(a.path) || path.startsWith(a.path + "/"))
            .findFirst();
  }

  public boolean admits(StaffPrincipal principal) {
    return principal != null && principal.roles().stream().anyMatch(roles::contains);
  }
}
