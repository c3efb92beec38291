package io.recoveryportal.oidc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

  private static final URI CALLBACK = URI.create("https://portal.example/cb");

  private static OidcSettings of(String issuer, String secret, ClientAuthMethod auth) {
    return OidcSettings.of(issuer, "client", secret, auth, CALLBACK);
  }

  @Test
  void secretsTravelOnlyOverTlsExceptToALocalStandIn() {
    assertThrows(
        IllegalArgumentException.class,
        () -> of("http://auth.incode.com", "secret", ClientAuthMethod.CLIENT_SECRET_BASIC));
    assertThrows(
        IllegalArgumentException.class,
        () -> of("auth.incode.com", "secret", ClientAuthMethod.CLIENT_SECRET_BASIC));
    assertDoesNotThrow(
        () -> of("http://localhost:8080/incode", "secret", ClientAuthMethod.CLIENT_SECRET_BASIC));
  }

  @Test
  void openidIsAlwaysRequested() {
    OidcSettings s = of("https://auth.incode.com", "secret", ClientAuthMethod.CLIENT_SECRET_POST);
    assertThrows(IllegalArgumentException.class, () -> s.withScopes("profile email"));
  }

  @Test
  void clientSecretJwtNeedsAnHs256SizedSecret() {
    assertThrows(
        IllegalArgumentException.class,
        () -> of("https://auth.incode.com", "short", ClientAuthMethod.CLIENT_SECRET_JWT));
    assertDoesNotThrow(
        () -> of("https://auth.incode.com", "x".repeat(32), ClientAuthMethod.CLIENT_SECRET_JWT));
  }

  @Test
  void methodsGoByTheirOAuthNames() {
    assertEquals(
        ClientAuthMethod.CLIENT_SECRET_POST, ClientAuthMethod.fromOAuthName("client_secret_post"));
    assertThrows(
        IllegalArgumentException.class, () -> ClientAuthMethod.fromOAuthName("CLIENT_SECRET_POST"));
    assertThrows(IllegalArgumentException.class, () -> ClientAuthMethod.fromOAuthName("none"));
  }
}
