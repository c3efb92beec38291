package io.recoveryportal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequiredSettingsTest {

  private static Map<String, String> complete() {
    Map<String, String> m = new HashMap<>();
    m.put("portal.base-url", "https://recover.contoso.com");
    m.put("incode.issuer", "https://auth.incode.com");
    m.put("incode.client-id", "id");
    m.put("incode.client-secret", "s3cret");
    m.put("entra.tenant-id", "t");
    m.put("entra.client-id", "c");
    m.put("entra.client-secret", "x");
    m.put("directory.birthdate-attribute", "extension_abc_dateOfBirth");
    m.put("mail.smtp.host", "smtp.contoso.com");
    m.put("mail.from", "no-reply@contoso.com");
    return m;
  }

  private static List<String> problems(Map<String, String> m, boolean sandbox) {
    return RequiredSettings.problems(k -> Optional.ofNullable(m.get(k)), sandbox);
  }

  @Test
  void aCompleteProductionConfigurationHasNoProblems() {
    assertEquals(List.of(), problems(complete(), false));
  }

  @Test
  void everyMissingKeyIsNamedWithItsEnvironmentVariable() {
    Map<String, String> m = complete();
    m.remove("incode.client-secret");
    m.put("mail.from", "  ");
    List<String> p = problems(m, false);
    assertEquals(2, p.size(), p.toString());
    assertTrue(
        p.get(0).contains("incode.client-secret (environment variable INCODE_CLIENT_SECRET)"),
        p.get(0));
    assertTrue(p.get(1).contains("mail.from (environment variable MAIL_FROM)"), p.get(1));
  }

  @Test
  void entraNeedsASecretOrACertificate() {
    Map<String, String> m = complete();
    m.remove("entra.client-secret");
    assertTrue(problems(m, false).get(0).contains("entra.client-secret"));
    m.put("entra.client-certificate", "/run/secrets/entra.p12");
    assertEquals(List.of(), problems(m, false));
  }

  @Test
  void plainHttpEndpointsAreOnlyAcceptedInTheSandbox() {
    Map<String, String> m = complete();
    m.put("incode.issuer", "http://localhost:9080/incode");
    m.put("graph.base-url", "http://localhost:9080/graph/v1.0");
    List<String> p = problems(m, false);
    assertEquals(2, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("incode.issuer"));
    assertEquals(List.of(), problems(m, true));
  }

  @Test
  void anUnknownClientAuthenticationMethodIsRefused() {
    Map<String, String> m = complete();
    m.put("incode.client-auth", "private_key_jwt");
    assertTrue(problems(m, false).get(0).contains("unsupported value 'private_key_jwt'"));
  }

  @Test
  void postgresNeedsAPasswordAndTheMessageDoesNotEchoCredentials() {
    Map<String, String> m = complete();
    m.put("db.url", "jdbc:postgresql://admin:hunter2@db.internal:5432/portal");
    List<String> p = problems(m, false);
    assertEquals(1, p.size());
    assertTrue(p.get(0).contains("db.password"));
    assertTrue(!p.get(0).contains("hunter2"), p.get(0));
  }

  @Test
  void environmentNamesFollowMicroProfileConfig() {
    assertEquals("ENTRA_AUTHORITY_HOST", RequiredSettings.environmentName("entra.authority-host"));
  }

  private static final String SECRET = "0123456789abcdefghijklmnopqrstuvwxyz";

  @Test
  void theHelpdeskIsOptionalButItsB2bKeysComeAsAPair() {
    Map<String, String> m = complete();
    m.put("incode.api-key", "key");
    m.put("incode.webhook.client-id", "incode-webhooks");
    m.put("incode.webhook.client-secret", SECRET);
    List<String> p = problems(m, false);
    assertEquals(1, p.size(), p.toString());
    assertTrue(
        p.get(0).contains("incode.integration-id (environment variable INCODE_INTEGRATION_ID)"),
        p.get(0));
    m.put("incode.integration-id", "integration");
    assertEquals(List.of(), problems(m, false));
    m.put("incode.b2b.client-secret", "b2b-secret");
    assertTrue(
        problems(m, false).get(0).contains("incode.b2b.client-id"),
        "separate B2B credentials come as a pair too");
  }

  @Test
  void withTheHelpdeskTheWebhookMustBeAuthenticatedOneWayOrTheOther() {
    Map<String, String> m = complete();
    m.put("incode.api-key", "key");
    m.put("incode.integration-id", "integration");
    List<String> p = problems(m, false);
    assertEquals(1, p.size(), p.toString());
    assertTrue(
        p.get(0).contains("webhooks need authentication")
            && p.get(0).contains("INCODE_WEBHOOK_HEADER_VALUE"),
        p.get(0));
    m.put("incode.webhook.header-name", "X-Incode-Webhook-Secret");
    m.put("incode.webhook.header-value", SECRET);
    assertEquals(List.of(), problems(m, false), "a secret header is enough");
    m.put("incode.webhook.client-id", "incode-webhooks");
    assertTrue(
        problems(m, false).get(0).contains("incode.webhook.client-secret"),
        "half a method is a mistake, even beside another");
  }

  @Test
  void webhookSecretsMustBeLongAndTheAllowListMustParse() {
    Map<String, String> m = complete();
    m.put("incode.webhook.client-id", "incode-webhooks");
    m.put("incode.webhook.client-secret", "short");
    m.put("incode.webhook.header-name", "X Bad: header");
    m.put("incode.webhook.header-value", SECRET);
    m.put("incode.webhook.allowed-ips", "203.0.113.0/24, incode.example.com");
    List<String> p = problems(m, false);
    assertEquals(3, p.size(), p.toString());
    assertTrue(
        p.get(0).contains("incode.webhook.client-secret") && p.get(0).contains("32"), p.get(0));
    assertTrue(p.get(1).contains("incode.webhook.header-name"), p.get(1));
    assertTrue(
        p.get(2).contains("incode.webhook.allowed-ips") && p.get(2).contains("incode.example.com"),
        p.get(2));
  }

  @Test
  void placeholderBirthdatesMustBeIsoDates() {
    Map<String, String> m = complete();
    m.put("matching.placeholder-birthdates", "1900-01-01, 1970-01-01");
    assertEquals(List.of(), problems(m, false));
    m.put("matching.placeholder-birthdates", "1900-01-01, 01/01/1970");
    List<String> p = problems(m, false);
    assertEquals(1, p.size(), p.toString());
    assertTrue(
        p.get(0)
                .startsWith(
                    "matching.placeholder-birthdates (environment variable MATCHING_PLACEHOLDER_BIRTHDATES)")
            && p.get(0).contains("'01/01/1970' is not an ISO date"),
        p.get(0));
  }
}
