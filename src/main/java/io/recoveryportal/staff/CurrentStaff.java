package io.recoveryportal.staff;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The signed-in staff member for the current request, for pages and beans: {@code @Inject
 * CurrentStaff staff}, then {@code staff.principal()} or {@code
 * staff.hasRole(StaffRole.SENIOR_REVIEWER)}; in a page {@code #{staff.name}} or {@code
 * #{staff.hasRole('SENIOR_REVIEWER')}} (EL turns the name into the enum). Pages under a staff area
 * are only reached through {@link StaffGate}, so there a principal with the area's role is always
 * present; anywhere else check.
 */
@Named("staff")
@RequestScoped
public class CurrentStaff {

  @Inject HttpServletRequest request;

  @Inject StaffSignInService service;

  @Inject StaffAudit audit;

  /** The staff member, within the session timeouts; empty when signed out or timed out. */
  public Optional<StaffPrincipal> principal() {
    return service
        .sessions()
        .current(
            request,
            service.clock().instant(),
            (p, why) -> audit.sessionEnded(p, why.auditOutcome(), service.clock().instant()));
  }

  /** False when signed out. */
  public boolean hasRole(StaffRole role) {
    return principal().map(p -> p.hasRole(role)).orElse(false);
  }

  public boolean isSignedIn() {
    return principal().isPresent();
  }

  public String getName() {
    return principal().map(StaffPrincipal::name).orElse("");
  }

  public String getUsername() {
    return principal().map(StaffPrincipal::username).orElse("");
  }

  /**
   * How long a staff session lasts without a request. A page that polls (the helpdesk status) stops
   * after this long, so that polling alone never keeps an unattended session alive.
   */
  public java.time.Duration idleTimeout() {
    return service.idle();
  }

  /** The hidden field of the sign-out form (see /WEB-INF/templates/staff-signout.xhtml). */
  public String getSignOutToken() {
    return StaffSessions.signOutToken(request).orElse("");
  }
}
