package io.recoveryportal.staff;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.config.RequiredSettings;
import io.recoveryportal.oidc.ClientAuthMethod;
import io.recoveryportal.oidc.OidcSettings;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Staff sign-in as the configuration keys describe it (see the README's configuration table): the
 * portal's own Entra app registration as an OpenID Connect client of its tenant, and the staff
 * session's timeouts.
 *
 * @param oidc the relying party's settings
 * @param tenantId the only tenant whose people may sign in (the ID token's {@code tid})
 * @param idle a staff session unused this long is over
 * @param absolute a staff session this old is over, however busy
 */
public record StaffSettings(OidcSettings oidc, String tenantId, Duration idle, Duration absolute) {

  /**
   * The redirect URI's path below {@code portal.base-url}; registered on the app as a Web redirect
   * URI.
   */
  public static final String CALLBACK_PATH = "/staff/callback";

  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);
  public static final Duration DEFAULT_ABSOLUTE = Duration.ofHours(8);

  /**
   * Entra's v2.0 token endpoint takes the secret in the form (its documented way, and the one
   * Soteria and MSAL use); Basic works too, but one fixed method is one less setting to get wrong.
   */
  static final ClientAuthMethod CLIENT_AUTH = ClientAuthMethod.CLIENT_SECRET_POST;

  static final String SCOPES = "openid profile email";

  public StaffSettings {
    if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
      throw new IllegalArgumentException(
          "staff.session.idle must be positive and no longer than staff.session.absolute");
    }
  }

  /**
   * Reads {@code entra.tenant-id}, {@code entra.client-id}, {@code entra.client-secret}, {@code
   * entra.authority-host}, {@code portal.base-url} and the optional {@code staff.issuer}, {@code
   * staff.session.idle} and {@code staff.session.absolute}.
   *
   * @param config a key's non-blank value, as {@code PortalConfig::value} gives it
   * @param tls the outbound TLS context ({@code PortalConfig.outboundTls()}), or null for the JVM's
   *     trust
   */
  public static StaffSettings from(Function<String, Optional<String>> config, SSLContext tls) {
    String tenant = required(config, "entra.tenant-id");
    String baseUrl = required(config, "portal.base-url").replaceAll("/+$", "");
    String authority =
        config
            .apply("entra.authority-host")
            .orElse(PortalConfig.DEFAULT_AUTHORITY_HOST)
            .replaceAll("/+$", "");
    // Entra's v2.0 issuer for a single tenant; a national cloud whose issuer differs sets
    // staff.issuer
    String issuer = config.apply("staff.issuer").orElse(authority + "/" + tenant + "/v2.0");
    // a certificate-only registration cannot sign staff in: the relying party authenticates with
    // the secret
    String secret =
        config
            .apply("entra.client-secret")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "staff sign-in needs " + RequiredSettings.describe("entra.client-secret")));
    OidcSettings oidc =
        new OidcSettings(
                issuer,
                required(config, "entra.client-id"),
                secret,
                CLIENT_AUTH,
                null,
                URI.create(baseUrl + CALLBACK_PATH),
                null,
                null,
                tls,
                null)
            .withScopes(SCOPES);
    return new StaffSettings(
        oidc,
        tenant,
        duration(config, "staff.session.idle", DEFAULT_IDLE),
        duration(config, "staff.session.absolute", DEFAULT_ABSOLUTE));
  }

  private static String required(Function<String, Optional<String>> config, String key) {
    return config
        .apply(key)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "missing configuration key " + RequiredSettings.describe(key)));
  }

  private static Duration duration(
      Function<String, Optional<String>> config, String key, Duration fallback) {
    try {
      return config.apply(key).map(v -> Duration.parse(v.trim())).orElse(fallback);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          RequiredSettings.describe(key) + " must be an ISO-8601 duration such as PT15M", e);
    }
  }
}
