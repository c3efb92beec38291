package io.recoveryportal.oidc;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * One client registration at one OpenID provider, and how to talk to it.
 *
 * @param issuer the provider's issuer; discovery must name exactly this one
 * @param scopes requested scopes; must include {@code openid}
 * @param redirectUri the registered redirect URI, sent in both the authorization and the token
 *     request
 * @param connectTimeout for every call to the provider (discovery, JWKS, token, userinfo)
 * @param readTimeout for every call to the provider: how long to wait for its answer
 * @param tls the outbound TLS context (private trust store), or null for the JVM's default trust
 * @param metadataMaxAge how long discovery is trusted before it is read again
 */
public record OidcSettings(
    String issuer,
    String clientId,
    String clientSecret,
    ClientAuthMethod clientAuth,
    List<String> scopes,
    URI redirectUri,
    Duration connectTimeout,
    Duration readTimeout,
    SSLContext tls,
    Duration metadataMaxAge) {

  public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_METADATA_MAX_AGE = Duration.ofHours(1);

  private static final Set<String> LOOPBACK_HOSTS =
      Set.of("localhost", "127.0.0.1", "::1", "[::1]");

  public OidcSettings {
    requireText(issuer, "issuer");
    requireText(clientId, "client id");
    requireText(clientSecret, "client secret");
    if (clientAuth == null) {
      throw new IllegalArgumentException("client authentication is required");
    }
    // Codes, tokens and the client secret may only cross the network encrypted; plain http is for a
    // stand-in on
    // this machine (the sandbox).
    URI iss = URI.create(issuer);
    if (iss.getHost() == null
        || !("https".equalsIgnoreCase(iss.getScheme())
            || "http".equalsIgnoreCase(iss.getScheme())
                && LOOPBACK_HOSTS.contains(iss.getHost().toLowerCase(Locale.ROOT)))) {
      throw new IllegalArgumentException("the issuer must be an https URL: " + issuer);
    }
    scopes = List.copyOf(scopes == null ? DEFAULT_SCOPES : scopes);
    if (!scopes.contains("openid")) {
      throw new IllegalArgumentException("the scopes must include openid: " + scopes);
    }
    if (redirectUri == null || !redirectUri.isAbsolute()) {
      throw new IllegalArgumentException("an absolute redirect URI is required: " + redirectUri);
    }
    if (clientAuth == ClientAuthMethod.CLIENT_SECRET_JWT
        && clientSecret.getBytes(StandardCharsets.UTF_8).length
            < ClientAuthMethod.MIN_JWT_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "client_secret_jwt needs a client secret of at least "
              + ClientAuthMethod.MIN_JWT_SECRET_BYTES
              + " bytes (HS256)");
    }
    connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connect timeout");
    readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, "read timeout");
    metadataMaxAge = positive(metadataMaxAge, DEFAULT_METADATA_MAX_AGE, "metadata max age");
  }

  /** Default scopes, timeouts and metadata age; the JVM's default TLS trust. */
  public static OidcSettings of(
      String issuer,
      String clientId,
      String clientSecret,
      ClientAuthMethod clientAuth,
      URI redirectUri) {
    return new OidcSettings(
        issuer, clientId, clientSecret, clientAuth, null, redirectUri, null, null, null, null);
  }

  /** Scopes from a space-separated list such as {@code "openid profile email"}. */
  public OidcSettings withScopes(String spaceSeparated) {
    List<String> list =
        Arrays.stream(spaceSeparated.trim().split("\\s+"))
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    return new OidcSettings(
        issuer,
        clientId,
        clientSecret,
        clientAuth,
        list,
        redirectUri,
        connectTimeout,
        readTimeout,
        tls,
        metadataMaxAge);
  }

  /** Null keeps the current value. */
  public OidcSettings withTimeouts(Duration connect, Duration read) {
    return new OidcSettings(
        issuer,
        clientId,
        clientSecret,
        clientAuth,
        scopes,
        redirectUri,
        connect == null ? connectTimeout : connect,
        read == null ? readTimeout : read,
        tls,
        metadataMaxAge);
  }

  public OidcSettings withTls(SSLContext context) {
    return new OidcSettings(
        issuer,
        clientId,
        clientSecret,
        clientAuth,
        scopes,
        redirectUri,
        connectTimeout,
        readTimeout,
        context,
        metadataMaxAge);
  }

  public OidcSettings withMetadataMaxAge(Duration maxAge) {
    return new OidcSettings(
        issuer,
        clientId,
        clientSecret,
        clientAuth,
        scopes,
        redirectUri,
        connectTimeout,
        readTimeout,
        tls,
        maxAge);
  }

  @Override
  public String toString() {
    return "OidcSettings[issuer="
        + issuer
        + ", clientId="
        + clientId
        + ", clientSecret=(redacted), clientAuth="
        + clientAuth.oauthName()
        + ", scopes="
        + scopes
        + ", redirectUri="
        + redirectUri
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", privateTls="
        + (tls != null)
        + "]";
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the " + what + " is required");
    }
  }

  private static Duration positive(Duration value, Duration fallback, String what) {
    Duration d = value == null ? fallback : value;
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the " + what + " must be positive: " + d);
    }
    return d;
  }
}
