package io.recoveryportal.verification.incode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.oidc.ClientAuthMethod;
import io.recoveryportal.oidc.OidcSettings;
import io.recoveryportal.sandbox.Sandbox;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncodeSettingsTest {

  private static Map<String, String> minimal() {
    Map<String, String> c = new HashMap<>();
    c.put("portal.base-url", "https://recover.contoso.com/");
    c.put("incode.issuer", "https://auth.incode.com");
    c.put("incode.client-id", "client-1");
    c.put("incode.client-secret", "s3cr3t-value-0123456789-0123456789");
    return c;
  }

  private static OidcSettings from(Map<String, String> c) {
    return IncodeSettings.from(k -> Optional.ofNullable(c.get(k)), null);
  }

  @Test
  void defaultsAreIncodesDocumentedOnes() {
    OidcSettings s = from(minimal());
    assertEquals(URI.create("https://recover.contoso.com/verify/callback"), s.redirectUri());
    assertEquals(ClientAuthMethod.CLIENT_SECRET_BASIC, s.clientAuth());
    assertEquals(List.of("openid", "profile", "email"), s.scopes());
    assertEquals(OidcSettings.DEFAULT_READ_TIMEOUT, s.readTimeout());
    assertEquals(OidcSettings.DEFAULT_METADATA_MAX_AGE, s.metadataMaxAge());
    assertNull(s.tls());
  }

  @Test
  void theCallbackIsTheOneTheSandboxRegisters() {
    assertEquals(Sandbox.PORTAL_INCODE_CALLBACK, IncodeSettings.CALLBACK_PATH);
  }

  @Test
  void everyKeyIsRead() {
    Map<String, String> c = minimal();
    c.put("incode.client-auth", "client_secret_jwt");
    c.put("incode.scopes", "openid  profile");
    c.put("incode.connect-timeout-ms", "1500");
    c.put("incode.read-timeout-ms", "2500");
    c.put("incode.discovery-max-age", "PT5M");
    OidcSettings s = from(c);
    assertEquals(Duration.ofMinutes(5), s.metadataMaxAge());
    assertEquals(ClientAuthMethod.CLIENT_SECRET_JWT, s.clientAuth());
    assertEquals(List.of("openid", "profile"), s.scopes());
    assertEquals(Duration.ofMillis(1500), s.connectTimeout());
    assertEquals(Duration.ofMillis(2500), s.readTimeout());
  }

  @Test
  void problemsNameTheKeyAndItsEnvironmentVariableButNotTheSecret() {
    Map<String, String> c = minimal();
    c.remove("incode.client-id");
    assertTrue(
        assertThrows(IllegalStateException.class, () -> from(c))
            .getMessage()
            .contains("INCODE_CLIENT_ID"));
    Map<String, String> d = minimal();
    d.put("incode.client-auth", "private_key_jwt");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> from(d))
            .getMessage()
            .contains("INCODE_CLIENT_AUTH"));
    Map<String, String> e = minimal();
    e.put("incode.read-timeout-ms", "soon");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> from(e))
            .getMessage()
            .contains("INCODE_READ_TIMEOUT_MS"));
    Map<String, String> f = minimal();
    f.put("incode.discovery-max-age", "an hour");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> from(f))
            .getMessage()
            .contains("INCODE_DISCOVERY_MAX_AGE"));
    f.put("incode.discovery-max-age", "PT0S");
    assertThrows(IllegalArgumentException.class, () -> from(f));
    assertFalse(from(minimal()).toString().contains("s3cr3t"));
  }
}
