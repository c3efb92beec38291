package io.recoveryportal.staff;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's app roles, as defined on its Entra app registration and sent in the ID token's
 * {@code roles} claim. A value the portal does not know (a role added in Entra for something else)
 * grants nothing.
 */
public enum StaffRole {
  REVIEWER("Reviewer"),
  /**
   * Second approvals and privileged-adjacent cases; always assigned together with {@link #REVIEWER}
   * in practice.
   */
  SENIOR_REVIEWER("SeniorReviewer"),
  HELPDESK("Helpdesk"),
  ADMIN("Admin"),
  /** Invites new hires (the /admin invitations page) and nothing else. */
  HR("HR"),
  /**
   * Reads the audit trail (the /audit pages: search, histories, export, chain check) and nothing
   * else.
   */
  AUDITOR("Auditor");

  private final String claimValue;

  StaffRole(String claimValue) {
    this.claimValue = claimValue;
  }

  /**
   * The app role's value in Entra and in the {@code roles} claim; case-sensitive, as Entra compares
   * it.
   */
  public String claimValue() {
    return claimValue;
  }

  public static Optional<StaffRole> fromClaim(String value) {
    return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
  }

  /** The known roles among the claim's values; unknown ones are dropped, not refused. */
  public static Set<StaffRole> fromClaims(Collection<String> values) {
    Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
    if (values != null) {
      values.forEach(v -> fromClaim(v).ifPresent(roles::add));
    }
    return roles;
  }
}
