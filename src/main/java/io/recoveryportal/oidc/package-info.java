/**
 * A provider-neutral OpenID Connect relying party (authorization-code flow) on Nimbus: discovery with an exact
 * issuer match, authorization requests with state, nonce, PKCE S256 and login_hint, the callback's state check,
 * one code exchange with configured client authentication, ID-token validation pinned to RS256 against the
 * discovered JWKS, and userinfo bound to the ID token's subject.
 *
 * <p>Plain Java, no CDI: each adapter (Incode identity proofing, Entra staff sign-in) builds one
 * {@link io.recoveryportal.oidc.RelyingParty} from its own settings and maps its claims. Nimbus types appear in
 * {@link io.recoveryportal.oidc.OidcLogin} for those adapters only; nothing outside an adapter should import this
 * package.
 */
package io.recoveryportal.oidc;
