package io.recoveryportal.verification.incode;

import io.recoveryportal.config.RequiredSettings;
import io.recoveryportal.oidc.ClientAuthMethod;
import io.recoveryportal.oidc.OidcSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * The portal's Incode integration as its configuration keys describe it (see the README's
 * configuration table).
 */
public final class IncodeSettings {

  /**
   * The redirect URI's path below {@code portal.base-url}; registered in Incode's dashboard as is.
   */
  public static final String CALLBACK_PATH = "/verify/callback";

  public static final String DEFAULT_CLIENT_AUTH = "client_secret_basic";
  public static final String DEFAULT_SCOPES = "openid profile email";

  private IncodeSettings() {}

  /**
   * Reads {@code incode.issuer}, {@code incode.client-id}, {@code incode.client-secret}, {@code
   * incode.client-auth}, {@code incode.scopes}, {@code portal.base-url} and the optional {@code
   * incode.connect-timeout-ms}, {@code incode.read-timeout-ms} and {@code
   * incode.discovery-max-age}.
   *
   * @param config a key's non-blank value, as {@code PortalConfig::value} gives it
   * @param tls the outbound TLS context ({@code PortalConfig.outboundTls()}), or null for the JVM's
   *     trust
   */
  public static OidcSettings from(Function<String, Optional<String>> config, SSLContext tls) {
    String baseUrl = required(config, "portal.base-url").replaceAll("/+$", "");
    ClientAuthMethod auth;
    try {
      auth =
          ClientAuthMethod.fromOAuthName(
              config.apply("incode.client-auth").orElse(DEFAULT_CLIENT_AUTH));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          RequiredSettings.describe("incode.client-auth") + ": " + e.getMessage(), e);
    }
    return new OidcSettings(
            required(config, "incode.issuer"),
            required(config, "incode.client-id"),
            required(config, "incode.client-secret"),
            auth,
            null,
            URI.create(baseUrl + CALLBACK_PATH),
            millis(config, "incode.connect-timeout-ms"),
            millis(config, "incode.read-timeout-ms"),
            tls,
            duration(config, "incode.discovery-max-age"))
        .withScopes(config.apply("incode.scopes").orElse(DEFAULT_SCOPES));
  }

  private static String required(Function<String, Optional<String>> config, String key) {
    return config
        .apply(key)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "missing configuration key " + RequiredSettings.describe(key)));
  }

  /**
   * An ISO-8601 duration such as {@code PT1H}; the OIDC settings refuse one that is not positive.
   */
  private static Duration duration(Function<String, Optional<String>> config, String key) {
    try {
      return config.apply(key).map(v -> Duration.parse(v.trim())).orElse(null);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          RequiredSettings.describe(key) + " must be an ISO-8601 duration such as PT1H", e);
    }
  }

  private static Duration millis(Function<String, Optional<String>> config, String key) {
    try {
      return config.apply(key).map(v -> Duration.ofMillis(Long.parseLong(v.trim()))).orElse(null);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          RequiredSettings.describe(key) + " must be a number of milliseconds", e);
    }
  }
}
