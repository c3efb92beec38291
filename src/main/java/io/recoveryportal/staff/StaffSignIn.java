package io.recoveryportal.staff;

import io.recoveryportal.oidc.OidcException;
import io.recoveryportal.oidc.OidcLogin;
import io.recoveryportal.oidc.PendingAuthorization;
import io.recoveryportal.oidc.RelyingParty;
import io.recoveryportal.staff.StaffSignInException.Reason;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Staff sign-in with Entra ID: the shared OpenID Connect relying party (state, nonce, PKCE, RS256
 * against the discovered JWKS, exact issuer, audience, times) plus what only a staff sign-in needs:
 * the token must be for the configured tenant, and the person's app roles are read from it. Plain
 * Java; {@link StaffSignInService} is its CDI face. Build one and keep it: it caches Entra's
 * discovery and keys.
 */
public final class StaffSignIn {

  private final RelyingParty relyingParty;
  private final String tenantId;

  public StaffSignIn(StaffSettings settings) {
    this.relyingParty = new RelyingParty(settings.oidc());
    this.tenantId = settings.tenantId();
  }

  /** A fresh authorization request; the caller keeps it server-side for the callback. */
  public PendingAuthorization begin() throws StaffSignInException {
    try {
      // no login_hint: whoever is at the keyboard signs in as themselves, and Entra decides who
      // that is
      return relyingParty.begin(null);
    } catch (OidcException e) {
      throw new StaffSignInException(Reason.UNAVAILABLE, e.getMessage(), null, e);
    }
  }

  /**
   * Completes a sign-in from the full callback URI.
   *
   * @param now when it completes: the principal's sign-in and last-seen time
   * @throws StaffSignInException for every callback that does not prove a person of this tenant
   *     with a role
   */
  public StaffPrincipal complete(URI callback, PendingAuthorization pending, Instant now)
      throws StaffSignInException {
    OidcLogin login;
    try {
      login = relyingParty.complete(callback, pending);
    } catch (OidcException e) {
      throw new StaffSignInException(reason(e.reason()), e.getMessage(), null, e);
    }
    String oid =
        login
            .idTokenString("oid")
            .orElseThrow(
                () -> new StaffSignInException(Reason.REFUSED, "the ID token carries no oid"));
    // With the single-tenant issuer this repeats the issuer check; it is what stands when
    // staff.issuer is set
    // to a multi-tenant or national-cloud issuer, where one issuer value can cover several tenants.
    if (!tenantId.equals(login.idTokenString("tid").orElse(null))) {
      throw new StaffSignInException(
          Reason.WRONG_TENANT, "the ID token is for another tenant", oid, null);
    }
    Set<StaffRole> roles = StaffRole.fromClaims(roles(login));
    if (roles.isEmpty()) {
      throw new StaffSignInException(
          Reason.NO_ROLE, "the person has none of the portal's app roles", oid, null);
    }
    return new StaffPrincipal(
        oid,
        login.idTokenString("preferred_username").orElse(""),
        login.idTokenString("name").orElse(""),
        roles,
        now,
        now);
  }

  /**
   * The {@code roles} claim's strings; absent (no role assigned) or malformed is no role at all.
   */
  private static List<String> roles(OidcLogin login) {
    return login.idToken().getClaim("roles") instanceof List<?> list
        ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
        : List.of();
  }

  static Reason reason(OidcException.Reason r) {
    return switch (r) {
      case CANCELLED -> Reason.CANCELLED;
      case STATE_MISMATCH -> Reason.STATE_MISMATCH;
      case UNAVAILABLE, NOT_REDEEMED, TIMEOUT, DISCOVERY_REFUSED -> Reason.UNAVAILABLE;
      case PROVIDER_ERROR, ISSUER_MISMATCH, CODE_REJECTED, TOKEN_INVALID, USERINFO_MISMATCH ->
          Reason.REFUSED;
    };
  }

  @Override
  public String toString() {
    return "StaffSignIn[" + relyingParty.settings().issuer() + "]";
  }
}
