/**
 * A provider-neutral OpenID Connect relying party (authorization-code flow) on Nimbus: discovery
 * with an exact issuer match, authorization requests with state, nonce, PKCE S256 and login_hint
 * (pushed server to server when the provider offers RFC 9126), the callback's state and issuer (RFC
 * 9207) checks, one code exchange with configured client authentication, ID-token validation pinned
 * to RS256 against the discovered JWKS with an audience of exactly this client, and userinfo bound
 * to the ID token's subject. {@link io.recoveryportal.oidc.RelyingParty} says which checks Nimbus
 * makes and which are ours.
 *
 * <p>Plain Java, no CDI: each adapter (Incode identity proofing, Entra staff sign-in) builds one
 * {@link io.recoveryportal.oidc.RelyingParty} from its own settings and maps its claims. Nimbus
 * types appear in {@link io.recoveryportal.oidc.OidcLogin} for those adapters only; nothing outside
 * an adapter should import this package.
 */
package io.recoveryportal.oidc;
