package io.recoveryportal.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The provider as its discovery document describes it, read on first use and again after {@link
 * OidcSettings#metadataMaxAge()}, together with the ID-token validator built on its JWKS.
 *
 * <p>The document is used only when its {@code issuer} is exactly the configured one (OpenID
 * Connect Discovery §4.3, ASVS 10.5.3); otherwise the cached copy is dropped and every use fails
 * until it matches again. When the provider cannot be reached, a copy that was good stays in use
 * and the next use tries again, so a short outage of the discovery endpoint alone does not stop
 * logins.
 */
final class ProviderDiscovery {

  private static final Logger LOG = Logger.getLogger(ProviderDiscovery.class.getName());

  /**
   * The only signature algorithm accepted on ID tokens. Pinning it (instead of trusting the token
   * header or the provider's advertised list) rules out {@code none} and
   * HS256-with-the-client-secret key confusion.
   */
  static final JWSAlgorithm ID_TOKEN_ALGORITHM = JWSAlgorithm.RS256;

  /** What the relying party needs of the provider. */
  record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

  private final Issuer issuer;
  private final ClientID clientId;
  private final OutboundHttp http;
  private final Duration maxAge;
  private final Clock clock;
  private Provider current;
  private Instant readAt;

  ProviderDiscovery(OidcSettings settings, OutboundHttp http, Clock clock) {
    this.issuer = new Issuer(settings.issuer());
    this.clientId = new ClientID(settings.clientId());
    this.http = http;
    this.maxAge = settings.metadataMaxAge();
    this.clock = clock;
  }

  /**
   * The provider, from cache while fresh. Holds a lock while reading discovery: callers wait for
   * one read.
   */
  synchronized Provider provider() throws OidcException {
    Instant now = clock.instant();
    if (current != null && now.isBefore(readAt.plus(maxAge))) {
      return current;
    }
    OIDCProviderMetadata metadata;
    try {
      metadata = read();
    } catch (IOException e) {
      LOG.warning(
          () ->
              "OpenID discovery for "
                  + issuer
                  + " failed: "
                  + e.getClass().getSimpleName()
                  + (current != null ? "; using the copy read at " + readAt : ""));
      if (current != null) {
        return current;
      }
      throw new OidcException(
          OidcException.Reason.UNAVAILABLE,
          "discovery for " + issuer + " could not be read",
          null,
          e);
    } catch (GeneralException e) {
      LOG.warning(() -> "OpenID discovery for " + issuer + " refused: " + e.getMessage());
      current = null;
      throw new OidcException(
          OidcException.Reason.DISCOVERY_REFUSED,
          "discovery for " + issuer + " refused: " + e.getMessage(),
          null,
          null);
    }
    boolean sameKeys =
        current != null && current.metadata().getJWKSetURI().equals(metadata.getJWKSetURI());
    // A new validator would start with an empty key cache, so keep the one we have while the JWKS
    // URI stands.
    current =
        new Provider(metadata, sameKeys ? current.validator() : validator(metadata.getJWKSetURI()));
    readAt = now;
    return current;
  }

  private OIDCProviderMetadata read() throws IOException, GeneralException {
    HTTPResponse response;
    try {
      response =
          http.send(
              new HTTPRequest(
                  HTTPRequest.Method.GET, OIDCProviderMetadata.resolveURL(issuer).toURI()));
    } catch (URISyntaxException e) {
      throw new GeneralException("the issuer does not make a discovery URL", e);
    }
    if (response.getStatusCode() / 100 == 5) {
      throw new IOException("HTTP " + response.getStatusCode());
    }
    try {
      response.ensureStatusCode(HTTPResponse.SC_OK);
      OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
      if (!issuer.equals(metadata.getIssuer())) {
        // exact string comparison: no normalising of case, trailing slashes or ports
        throw new GeneralException(
            "its issuer " + metadata.getIssuer() + " is not the configured " + issuer);
      }
      if (metadata.getAuthorizationEndpointURI() == null
          || metadata.getTokenEndpointURI() == null
          || metadata.getJWKSetURI() == null) {
        throw new GeneralException("it lacks the authorization, token or JWKS endpoint");
      }
      return metadata;
    } catch (ParseException e) {
      throw new GeneralException(
          "it is not a valid discovery document (HTTP " + response.getStatusCode() + ")", e);
    }
  }

  /**
   * Keys from the discovered JWKS only (ASVS 9.1.3), cached by Nimbus for 5 minutes. A token with
   * an unknown {@code kid} (a key rotation) makes the source re-read the JWKS, at most twice per 30
   * s, so forged kids cannot turn the portal into a JWKS-fetching amplifier. No refresh-ahead: it
   * would start an unmanaged thread inside the application server, and a re-read on expiry costs
   * one call.
   */
  private IDTokenValidator validator(URI jwksUri) throws OidcException {
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), http)
              .refreshAheadCache(false)
              .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new OidcException(
          OidcException.Reason.DISCOVERY_REFUSED,
          "discovery for " + issuer + " has an unusable jwks_uri");
    }
    return new IDTokenValidator(
        issuer, clientId, new JWSVerificationKeySelector<>(ID_TOKEN_ALGORITHM, keys), null);
  }
}
