package io.recoveryportal.directory.graph;

import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.EntraApi;
import io.recoveryportal.sandbox.Json;
import io.recoveryportal.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The sandbox started in-process for the Graph adapters' tests, with the portal's real clients
 * (MSAL4J over HTTPS, the Graph SDK over HTTP). A JUnit extension: register it on a static field
 * and it starts before the class's own {@code @BeforeAll}, resets the tenant before each test and
 * stops after the class. Its tenant is the demo seed plus three test-only people the demo does not
 * need: twins who share a personal address (a lookup that finds several accounts) and someone with
 * every kind of sign-in method, alternate and office phones included (an MFA reset that must order
 * its deletions).
 */
final class GraphSandbox implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  static final String SHARED_ADDRESS = "twins.family@example.net";
  static final String EVERY_METHOD_UPN = "max.methods@contoso.com";
  private static final Path DEMO_SEED = Path.of("config/sandbox/directory.json");
  private static final String ALL_STAFF_GROUP = "cc3f431c-4842-553b-954c-f642db73f5ff";

  Sandbox sandbox;
  Directory directory;
  GraphClients clients;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Path work = Files.createDirectories(Path.of("target", "graph-adapter-tests"));
    Path seed = work.resolve("directory.json");
    Files.writeString(seed, Json.write(seedWithTestPeople()), StandardCharsets.UTF_8);
    sandbox = Sandbox.start(Sandbox.Options.ephemeral(seed, work));
    directory = sandbox.directory();
    clients = GraphClients.create(SandboxGraphSettings.of(sandbox));
  }

  /** Back to the seed, no faults, the portal's usual permissions. */
  @Override
  public void beforeEach(ExtensionContext context) {
    directory.reset();
    sandbox.faults().reset();
    sandbox.entra().grantPermissions(Set.copyOf(EntraApi.DEFAULT_GRAPH_PERMISSIONS));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (clients != null) {
      clients.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static Map<String, Object> seedWithTestPeople() throws IOException {
    Map<String, Object> seed =
        Json.parseObject(Files.readString(DEMO_SEED, StandardCharsets.UTF_8));
    List<Object> users = new ArrayList<>(Json.list(seed.get("users")));
    users.add(
        person(
            "b1e0c3a4-0000-4000-8000-000000000001",
            "kim.twin@contoso.com",
            "Kim",
            "Twin",
            List.of(SHARED_ADDRESS),
            List.of(Json.of("type", "password"))));
    users.add(
        person(
            "b1e0c3a4-0000-4000-8000-000000000002",
            "kai.twin@contoso.com",
            "Kai",
            "Twin",
            List.of(SHARED_ADDRESS),
            List.of(Json.of("type", "password"))));
    users.add(
        person(
            "b1e0c3a4-0000-4000-8000-000000000003",
            EVERY_METHOD_UPN,
            "Max",
            "Methods",
            List.of(),
            List.of(
                Json.of("type", "password"),
                Json.of("type", "phone", "phoneType", "mobile", "phoneNumber", "+1 555 0190"),
                Json.of(
                    "type", "phone", "phoneType", "alternateMobile", "phoneNumber", "+1 555 0191"),
                Json.of("type", "phone", "phoneType", "office", "phoneNumber", "+1 555 0192"),
                Json.of("type", "microsoftAuthenticator", "displayName", "Pixel"),
                Json.of("type", "fido2"),
                Json.of("type", "email", "emailAddress", "max.home@example.net"),
                Json.of("type", "softwareOath"),
                Json.of("type", "windowsHelloForBusiness"),
                Json.of("type", "temporaryAccessPass"))));
    seed.put("users", users);
    return seed;
  }

  private static Map<String, Object> person(
      String id,
      String upn,
      String givenName,
      String surname,
      List<String> otherMails,
      List<Object> methods) {
    return Json.of(
        "id",
        id,
        "userPrincipalName",
        upn,
        "mail",
        upn,
        "givenName",
        givenName,
        "surname",
        surname,
        "displayName",
        givenName + " " + surname,
        "accountEnabled",
        true,
        "createdDateTime",
        "2022-01-10T09:00:00Z",
        "otherMails",
        otherMails,
        "proxyAddresses",
        List.of("SMTP:" + upn),
        "memberOf",
        List.of(ALL_STAFF_GROUP),
        "authenticationMethods",
        methods,
        "birthdate",
        "1990-01-01",
        "document",
        Json.of());
  }

  String idOf(String upn) {
    return directory.findByUpn(upn).orElseThrow().id();
  }

  /**
   * Clients built now, so their token carries the permissions granted now (MSAL caches the old
   * token).
   */
  GraphClients newClients() {
    return GraphClients.create(SandboxGraphSettings.of(sandbox));
  }
}
