package io.recoveryportal.helpdesk.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The webhook's authentication rules from configuration: client credentials, a secret header,
 * source addresses.
 */
class WebhookAuthTest {

  private static final String SECRET = "k3Jq0vW9xZ2mB7nC4pL6sD8fG1hR5tY0uE3iO9aQ";

  private static WebhookAuth auth(Map<String, String> config) {
    return WebhookAuth.from(k -> Optional.ofNullable(config.get(k)));
  }

  private static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void clientCredentialsAreCheckedAsIncodeSendsThem() {
    WebhookAuth a =
        auth(
            Map.of(
                "incode.webhook.client-id",
                "incode-webhooks",
                "incode.webhook.client-secret",
                SECRET));
    assertTrue(a.oauth());
    assertFalse(a.header());
    assertTrue(a.clientAuthenticates(basic("incode-webhooks", SECRET)));
    assertFalse(a.clientAuthenticates(basic("incode-webhooks", SECRET + "x")));
    assertFalse(a.clientAuthenticates(basic("someone-else", SECRET)));
    assertFalse(a.clientAuthenticates("Bearer " + SECRET));
    assertFalse(a.clientAuthenticates("Basic !!!not-base64"));
    assertFalse(a.clientAuthenticates(null));
    assertFalse(a.headerMatches(SECRET), "no header method configured");
  }

  @Test
  void aStaticHeaderMustCarryExactlyItsValue() {
    WebhookAuth a =
        auth(
            Map.of(
                "incode.webhook.header-name",
                " X-Incode-Webhook-Secret ",
                "incode.webhook.header-value",
                SECRET));
    assertTrue(a.header());
    assertFalse(a.oauth());
    assertTrue(a.headerMatches(SECRET));
    assertFalse(a.headerMatches(SECRET.substring(1)));
    assertFalse(a.headerMatches(null));
    assertFalse(
        a.clientAuthenticates(basic("incode-webhooks", SECRET)),
        "no client credentials configured");
    assertTrue("X-Incode-Webhook-Secret".equals(a.headerName()));
  }

  @Test
  void withoutConfigurationNothingAuthenticates() {
    WebhookAuth a = auth(Map.of());
    assertFalse(a.oauth() || a.header());
    assertFalse(a.clientAuthenticates(basic("", "")));
    assertFalse(a.headerMatches(""));
    assertTrue(
        a.fromAllowedSource("198.51.100.1"), "no allow-list: any source, but still no credentials");
  }

  @Test
  void anAllowListLimitsTheSource() {
    WebhookAuth a = auth(Map.of("incode.webhook.allowed-ips", "127.0.0.1, ::1"));
    assertTrue(a.fromAllowedSource("127.0.0.1"));
    assertTrue(a.fromAllowedSource("0:0:0:0:0:0:0:1"));
    assertFalse(a.fromAllowedSource("198.51.100.1"));
  }

  @Test
  void itsDescriptionNamesNoSecret() {
    String s =
        auth(Map.of(
                "incode.webhook.client-id",
                "incode-webhooks",
                "incode.webhook.client-secret",
                SECRET,
                "incode.webhook.header-name",
                "X-Incode-Webhook-Secret",
                "incode.webhook.header-value",
                SECRET))
            .toString();
    assertFalse(s.contains(SECRET), s);
  }
}
