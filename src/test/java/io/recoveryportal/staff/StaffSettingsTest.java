package io.recoveryportal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.oidc.ClientAuthMethod;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaffSettingsTest {

  private final Map<String, String> config =
      new HashMap<>(
          Map.of(
              "portal.base-url", "https://recovery.contoso.com/",
              "entra.tenant-id", "c1ec0247-6160-5d40-a489-2ecca6bbd0ce",
              "entra.client-id", "3f7c9a2e-5b1d-4e8f-9a6c-2d4b8e1f0c7a",
              "entra.client-secret", "s3cret"));

  private StaffSettings settings() {
    return StaffSettings.from(k -> Optional.ofNullable(config.get(k)), null);
  }

  @Test
  void defaultsAreEntrasPublicCloudAndTheDocumentedTimeouts() {
    StaffSettings s = settings();
    assertEquals(
        "https://login.microsoftonline.com/c1ec0247-6160-5d40-a489-2ecca6bbd0ce/v2.0",
        s.oidc().issuer());
    assertEquals(URI.create("https://recovery.contoso.com/staff/callback"), s.oidc().redirectUri());
    assertEquals(List.of("openid", "profile", "email"), s.oidc().scopes());
    assertEquals(ClientAuthMethod.CLIENT_SECRET_POST, s.oidc().clientAuth());
    assertEquals("3f7c9a2e-5b1d-4e8f-9a6c-2d4b8e1f0c7a", s.oidc().clientId());
    assertEquals(Duration.ofMinutes(15), s.idle());
    assertEquals(Duration.ofHours(8), s.absolute());
    assertTrue(s.oidc().toString().contains("(redacted)"));
  }

  @Test
  void theAuthorityHostAndAnIssuerOverride() {
    config.put("entra.authority-host", "https://login.microsoftonline.us/");
    assertEquals(
        "https://login.microsoftonline.us/c1ec0247-6160-5d40-a489-2ecca6bbd0ce/v2.0",
        settings().oidc().issuer());
    config.put(
        "staff.issuer",
        "https://login.partner.microsoftonline.cn/c1ec0247-6160-5d40-a489-2ecca6bbd0ce/v2.0");
    assertEquals(
        "https://login.partner.microsoftonline.cn/c1ec0247-6160-5d40-a489-2ecca6bbd0ce/v2.0",
        settings().oidc().issuer());
  }

  @Test
  void timeoutsAreIsoDurations() {
    config.put("staff.session.idle", "PT5M");
    config.put("staff.session.absolute", "PT1H");
    assertEquals(Duration.ofMinutes(5), settings().idle());
    assertEquals(Duration.ofHours(1), settings().absolute());
    config.put("staff.session.idle", "15");
    assertTrue(
        assertThrows(IllegalArgumentException.class, this::settings)
            .getMessage()
            .contains("STAFF_SESSION_IDLE"));
    config.put("staff.session.idle", "PT2H");
    assertThrows(IllegalArgumentException.class, this::settings, "idle longer than absolute");
  }

  @Test
  void aCertificateOnlyRegistrationCannotSignStaffIn() {
    config.remove("entra.client-secret");
    assertTrue(
        assertThrows(IllegalStateException.class, this::settings)
            .getMessage()
            .contains("ENTRA_CLIENT_SECRET"));
  }
}
