package io.recoveryportal.config;

import io.recoveryportal.matching.MatchingPolicy;
import io.recoveryportal.security.ClientAddress;
import io.recoveryportal.security.IpAllowList;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which configuration keys must be present before the portal may start, and what makes a value
 * unusable. Pure so it can be tested without a container; {@link StartupChecks} applies it at
 * deployment.
 */
public final class RequiredSettings {

  /** Keys without which the portal cannot do its job. Secrets among them never have defaults. */
  public static final List<String> REQUIRED =
      List.of(
          "portal.base-url",
          "incode.issuer",
          "incode.client-id",
          "incode.client-secret",
          "entra.tenant-id",
          "entra.client-id",
          "directory.birthdate-attribute",
          "mail.smtp.host",
          "mail.from");

  public static final Set<String> CLIENT_AUTH_METHODS =
      Set.of("client_secret_basic", "client_secret_post", "client_secret_jwt");

  private RequiredSettings() {}

  /**
   * Lists every problem, each naming its key and the environment variable that sets it, so an
   * operator can fix all of them in one go. Empty when the configuration is usable.
   */
  public static List<String> problems(Function<String, Optional<String>> lookup, boolean sandbox) {
    List<String> problems = new ArrayList<>();
    for (String key : REQUIRED) {
      if (blank(lookup.apply(key))) {
        problems.add("missing required key " + describe(key));
      }
    }
    if (blank(lookup.apply("entra.client-secret"))
        && blank(lookup.apply("entra.client-certificate"))) {
      problems.add(
          "missing required key "
              + describe("entra.client-secret")
              + " or "
              + describe("entra.client-certificate"));
    }
    lookup
        .apply("incode.client-auth")
        .filter(v -> !CLIENT_AUTH_METHODS.contains(v))
        .ifPresent(
            v ->
                problems.add(
                    "unsupported value '"
                        + v
                        + "' for "
                        + describe("incode.client-auth")
                        + "; use one of "
                        + CLIENT_AUTH_METHODS));
    problems.addAll(helpdeskProblems(lookup));
    ClientAddress.problem(lookup)
        .ifPresent(
            p ->
                problems.add(
                    p
                        + " ("
                        + describe("portal.trusted-proxies")
                        + ", "
                        + describe("portal.forwarded-header")
                        + ")"));
    lookup
        .apply("matching.placeholder-birthdates")
        .flatMap(MatchingPolicy::problem)
        .ifPresent(p -> problems.add(describe("matching.placeholder-birthdates") + ": " + p));
    boolean h2 = lookup.apply("db.url").map(u -> u.startsWith("jdbc:h2:")).orElse(true);
    if (!h2 && blank(lookup.apply("db.password"))) {
      problems.add(
          "missing required key "
              + describe("db.password")
              + " (needed for "
              + lookup.apply("db.url").get().replaceAll("//[^/@]*@", "//")
              + ")");
    }
    // Outside the sandbox every endpoint a browser or a token travels through must be TLS.
    if (!sandbox) {
      for (String key :
          List.of("portal.base-url", "incode.issuer", "entra.authority-host", "graph.base-url")) {
        lookup
            .apply(key)
            .filter(v -> !v.isBlank() && !isHttps(v))
            .ifPresent(
                v -> problems.add(describe(key) + " must be an https URL outside sandbox mode"));
      }
    }
    return problems;
  }

  /**
   * The webhook's shared secrets are random values, not passwords: anything shorter is a mistake.
   */
  public static final int MIN_WEBHOOK_SECRET_LENGTH = 32;

  /**
   * The helpdesk flow is optional, but all or nothing: Incode's B2B keys come as a pair, and with
   * them the webhook must be authenticated (client credentials, a secret header, or both; never
   * neither), each method complete.
   */
  static List<String> helpdeskProblems(Function<String, Optional<String>> lookup) {
    List<String> problems = new ArrayList<>();
    boolean b2b =
        !blank(lookup.apply("incode.api-key")) || !blank(lookup.apply("incode.integration-id"));
    pair(lookup, "incode.api-key", "incode.integration-id", problems);
    pair(lookup, "incode.b2b.client-id", "incode.b2b.client-secret", problems);
    boolean oauth =
        pair(lookup, "incode.webhook.client-id", "incode.webhook.client-secret", problems);
    boolean header =
        pair(lookup, "incode.webhook.header-name", "incode.webhook.header-value", problems);
    boolean anyWebhookKey =
        List.of(
                "incode.webhook.client-id",
                "incode.webhook.client-secret",
                "incode.webhook.header-name",
                "incode.webhook.header-value")
            .stream()
            .anyMatch(k -> !blank(lookup.apply(k)));
    // a half-configured method is reported above already
    if (b2b && !oauth && !header && !anyWebhookKey) {
      problems.add(
          "the helpdesk's Incode webhooks need authentication: set "
              + describe("incode.webhook.client-id")
              + " and "
              + describe("incode.webhook.client-secret")
              + ", or "
              + describe("incode.webhook.header-name")
              + " and "
              + describe("incode.webhook.header-value"));
    }
    for (String secret : List.of("incode.webhook.client-secret", "incode.webhook.header-value")) {
      lookup
          .apply(secret)
          .filter(v -> !v.isBlank() && v.length() < MIN_WEBHOOK_SECRET_LENGTH)
          .ifPresent(
              v ->
                  problems.add(
                      describe(secret)
                          + " must be at least "
                          + MIN_WEBHOOK_SECRET_LENGTH
                          + " characters (a random value)"));
    }
    lookup
        .apply("incode.webhook.header-name")
        .filter(v -> !v.isBlank() && !v.strip().matches("[A-Za-z0-9-]{1,64}"))
        .ifPresent(
            v ->
                problems.add(
                    describe("incode.webhook.header-name")
                        + " must be an HTTP header name (letters, digits and hyphens)"));
    lookup
        .apply("incode.webhook.allowed-ips")
        .flatMap(IpAllowList::problem)
        .ifPresent(p -> problems.add(describe("incode.webhook.allowed-ips") + ": " + p));
    return problems;
  }

  /** True when both keys are set; a problem when only one is. */
  private static boolean pair(
      Function<String, Optional<String>> lookup, String a, String b, List<String> problems) {
    boolean hasA = !blank(lookup.apply(a));
    boolean hasB = !blank(lookup.apply(b));
    if (hasA != hasB) {
      String missing = hasA ? b : a;
      problems.add(
          "missing required key " + describe(missing) + " (needed with " + (hasA ? a : b) + ")");
    }
    return hasA && hasB;
  }

  /** "incode.client-secret (environment variable INCODE_CLIENT_SECRET)". */
  public static String describe(String key) {
    return key + " (environment variable " + environmentName(key) + ")";
  }

  /**
   * MicroProfile Config's environment-variable mapping: non-alphanumerics become '_', upper case.
   */
  public static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
  }

  private static boolean isHttps(String url) {
    try {
      return "https".equalsIgnoreCase(URI.create(url).getScheme());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean blank(Optional<String> v) {
    return v.map(String::isBlank).orElse(true);
  }
}
