package io.recoveryportal.oidc;

import com.nimbusds.openid.connect.sdk.claims.ClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import java.util.Optional;

/**
 * A completed login: the validated ID token's claims and, when the provider has a userinfo
 * endpoint, userinfo whose subject is the ID token's. For adapters to map into their own domain
 * types; never log it.
 */
public final class OidcLogin {

  private final IDTokenClaimsSet idToken;
  private final UserInfo userInfo;

  OidcLogin(IDTokenClaimsSet idToken, UserInfo userInfo) {
    this.idToken = idToken;
    this.userInfo = userInfo;
  }

  public IDTokenClaimsSet idToken() {
    return idToken;
  }

  public Optional<UserInfo> userInfo() {
    return Optional.ofNullable(userInfo);
  }

  public String subject() {
    return idToken.getSubject().getValue();
  }

  /** A string claim of the ID token; empty when absent, blank or not a string. */
  public Optional<String> idTokenString(String name) {
    return string(idToken, name);
  }

  /**
   * A profile claim (name, birthdate, ...): from userinfo, where providers put the fuller profile,
   * else from the ID token. Both are the provider's statements about the same subject, so the
   * fallback is safe.
   */
  public Optional<String> profileString(String name) {
    return userInfo().flatMap(u -> string(u, name)).or(() -> idTokenString(name));
  }

  private static Optional<String> string(ClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String s && !s.isBlank()
        ? Optional.of(s)
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "OidcLogin[issuer=" + idToken.getIssuer() + "]";
  }
}
