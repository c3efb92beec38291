package io.recoveryportal.helpdesk.webhook;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import io.recoveryportal.security.IpAllowList;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Function;

/**
 * How Incode must authenticate its webhooks (security.md §6: Incode signs nothing), from
 * configuration:
 *
 * <ul>
 *   <li>OAuth 2.0 client credentials: Incode gets a bearer token from the portal's own token
 *       endpoint with HTTP Basic {@code incode.webhook.client-id}:{@code
 *       incode.webhook.client-secret}, then sends it with every notification; and/or
 *   <li>a static secret header {@code incode.webhook.header-name}: {@code
 *       incode.webhook.header-value};
 *   <li>plus, optionally, the source addresses in {@code incode.webhook.allowed-ips}.
 * </ul>
 *
 * With both methods configured either is accepted (for moving from one to the other). Without
 * either, every notification is refused. Comparisons are constant-time.
 */
public record WebhookAuth(
    String clientId,
    String clientSecret,
    String headerName,
    String headerValue,
    IpAllowList allowed) {

  public static WebhookAuth from(Function<String, Optional<String>> config) {
    return new WebhookAuth(
        config.apply("incode.webhook.client-id").orElse(null),
        config.apply("incode.webhook.client-secret").orElse(null),
        config.apply("incode.webhook.header-name").map(String::strip).orElse(null),
        config.apply("incode.webhook.header-value").orElse(null),
        IpAllowList.parse(config.apply("incode.webhook.allowed-ips").orElse(null)));
  }

  public boolean oauth() {
    return clientId != null && clientSecret != null;
  }

  public boolean header() {
    return headerName != null && headerValue != null;
  }

  public boolean fromAllowedSource(String remoteAddress) {
    return allowed.admits(remoteAddress);
  }

  /**
   * Whether an {@code Authorization} header carries the configured client id and secret (HTTP
   * Basic).
   */
  public boolean clientAuthenticates(String authorization) {
    if (!oauth() || authorization == null) {
      return false;
    }
    try {
      ClientSecretBasic basic = ClientSecretBasic.parse(authorization);
      // both compared, always: no early exit that times which one was wrong
      return same(basic.getClientID().getValue(), clientId)
          & same(basic.getClientSecret().getValue(), clientSecret);
    } catch (ParseException e) {
      return false;
    }
  }

  /** Whether the configured secret header arrived with its value. */
  public boolean headerMatches(String value) {
    return header() && value != null && same(value, headerValue);
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "WebhookAuth[oauth="
        + oauth()
        + ", clientId="
        + clientId
        + ", header="
        + (header() ? headerName : "none")
        + ", allowList="
        + !allowed.isEmpty()
        + "]";
  }
}
