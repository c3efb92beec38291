package io.recoveryportal.config;

import io.recoveryportal.i18n.Languages;
import io.recoveryportal.i18n.Texts;
import io.recoveryportal.security.OutboundTls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.Config;

/**
 * Typed access to the portal's MicroProfile Config keys (see the README's configuration table).
 * Every key can come from an environment variable: {@code incode.client-secret} is {@code
 * INCODE_CLIENT_SECRET}. Values are read when asked for, so nothing here caches a secret beyond the
 * config source itself.
 */
@ApplicationScoped
public class PortalConfig {

  public static final String DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
  public static final String DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

  @Inject Config config;

  public Optional<String> value(String key) {
    return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
  }

  /** A value {@link RequiredSettings} has already checked at start-up. */
  public String required(String key) {
    return value(key)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "missing configuration key " + RequiredSettings.describe(key)));
  }

  public boolean sandbox() {
    return value("portal.sandbox").map(Boolean::parseBoolean).orElse(false);
  }

  public URI baseUrl() {
    return URI.create(required("portal.base-url").replaceAll("/+$", ""));
  }

  public String organisationName() {
    return value("portal.organisation-name").orElse("Contoso");
  }

  /**
   * {@code portal.default-language}: the language when neither the person nor the browser names one
   * of ours.
   */
  public Locale defaultLanguage() {
    return Languages.defaultLanguage(value("portal.default-language"));
  }

  /**
   * The language of a directory user's emails: their preferredLanguage when it is one of ours, else
   * the default.
   */
  public Locale languageOf(String preferredLanguage) {
    return Languages.forPerson(preferredLanguage).orElseGet(this::defaultLanguage);
  }

  /** How people reach a human, as configured, else "your IT helpdesk" in {@code language}. */
  public String helpdeskContact(Locale language) {
    return value("portal.helpdesk-contact")
        .orElseGet(() -> Texts.text(language, "portal.helpdesk-default"));
  }

  public String incodeIssuer() {
    return required("incode.issuer");
  }

  public String authorityHost() {
    return value("entra.authority-host").orElse(DEFAULT_AUTHORITY_HOST).replaceAll("/+$", "");
  }

  public String graphBaseUrl() {
    return value("graph.base-url").orElse(DEFAULT_GRAPH_BASE_URL).replaceAll("/+$", "");
  }

  public Optional<String> trustStore() {
    return value("portal.trust-store");
  }

  public Optional<String> trustStorePassword() {
    return value("portal.trust-store-password");
  }

  /**
   * TLS for outbound calls when {@code portal.trust-store} is set; empty means the JVM's default
   * trust.
   */
  public Optional<SSLContext> outboundTls() {
    return trustStore()
        .map(
            f ->
                OutboundTls.context(
                    OutboundTls.trustManager(Path.of(f), trustStorePassword().orElse(null))));
  }
}
