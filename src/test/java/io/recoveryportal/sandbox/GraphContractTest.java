package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.AuthenticationPhoneType;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.MicrosoftAuthenticatorAuthenticationMethod;
import com.microsoft.graph.models.PasswordAuthenticationMethod;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.PhoneAuthenticationMethod;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.authentication.AuthenticationRequestBuilder;
import com.microsoft.kiota.ApiException;
import io.recoveryportal.directory.graph.GraphClients;
import io.recoveryportal.directory.graph.GraphToken;
import io.recoveryportal.directory.graph.GraphTokenException;
import io.recoveryportal.directory.graph.SandboxGraphSettings;
import io.recoveryportal.directory.graph.UserFilters;
import io.recoveryportal.sandbox.Directory.Operation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox's Graph and Entra, exercised by the portal's real clients (MSAL4J over HTTPS, the
 * Graph SDK over HTTP) and checked against the sandbox's own state: if the sandbox drifts from what
 * the SDK expects, or the plumbing from what Graph expects, this fails.
 */
class GraphContractTest {

  private static Sandbox sandbox;
  private static GraphClients clients;
  private static GraphServiceClient graph;
  private static Directory directory;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), Path.of("target")));
    directory = sandbox.directory();
    clients = GraphClients.create(SandboxGraphSettings.of(sandbox));
    graph = clients.graph();
  }

  @AfterAll
  static void stop() {
    if (clients != null) {
      clients.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @BeforeEach
  void freshTenant() {
    directory.reset();
    sandbox.faults().reset();
    sandbox.entra().grantPermissions(Set.copyOf(EntraApi.DEFAULT_GRAPH_PERMISSIONS));
  }

  private static String idOf(String upn) {
    return directory.findByUpn(upn).orElseThrow().id();
  }

  private static List<User> lookup(String filter) {
    UserCollectionResponse r =
        graph
            .users()
            .get(
                rc -> {
                  rc.queryParameters.filter = filter;
                  rc.queryParameters.select =
                      new String[] {"id", "userPrincipalName", "accountEnabled"};
                  rc.queryParameters.count = true;
                  rc.headers.add("ConsistencyLevel", "eventual");
                });
    assertEquals(r.getValue().size(), r.getOdataCount().intValue(), "@odata.count");
    return r.getValue();
  }

  private static AuthenticationRequestBuilder authentication(String upn) {
    return graph.users().byUserId(idOf(upn)).authentication();
  }

  private static ODataError odataError(Executable call) {
    return assertThrows(ODataError.class, call);
  }

  // ---- lookup ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jane.smith@contoso.com",
        "JANE.SMITH@contoso.com",
        "jane.smith.home@example.net",
        "J.Smith@Contoso.com"
      })
  void findsJaneByMailUpnPersonalAddressAndSecondaryProxyAddressIgnoringCase(String address) {
    List<User> hits = lookup(UserFilters.byAnyAddress(address));
    assertEquals(List.of(idOf("jane.smith@contoso.com")), hits.stream().map(User::getId).toList());
    assertEquals(Boolean.TRUE, hits.get(0).getAccountEnabled());
  }

  @Test
  void unknownAddressFindsNobodyAndQuotesAreEscaped() {
    assertTrue(lookup(UserFilters.byAnyAddress("nobody@contoso.com")).isEmpty());
    assertTrue(lookup(UserFilters.byAnyAddress("o'connor@contoso.com")).isEmpty());
  }

  @Test
  void combinedFilterWithParenthesesAndBooleans() {
    List<User> disabled =
        lookup(
            "accountEnabled eq false and (department eq 'operations' or jobTitle eq 'Junior Analyst')");
    assertEquals(
        Set.of(idOf("liam.carter@contoso.com"), idOf("sofia.rossi@contoso.com")),
        Set.copyOf(disabled.stream().map(User::getId).toList()));
  }

  @Test
  void getsUserByUpnWithDefaultProperties() {
    User u = graph.users().byUserId("helen.park@contoso.com").get();
    assertEquals(idOf("helen.park@contoso.com"), u.getId());
    assertEquals("Chief Financial Officer", u.getJobTitle());
    assertNull(u.getAccountEnabled(), "accountEnabled is only returned when selected");
    assertNull(u.getOtherMails());
  }

  @Test
  void managerIsAUser() {
    DirectoryObject m = graph.users().byUserId(idOf("jane.smith@contoso.com")).manager().get();
    User manager = assertInstanceOf(User.class, m);
    assertEquals("helen.park@contoso.com", manager.getUserPrincipalName());
  }

  @Test
  void birthdateExtensionComesBackInAdditionalDataOnlyForUsersWhoHaveIt() {
    String attribute = directory.birthdateAttribute();
    String[] select = {"id", "displayName", "employeeHireDate", attribute};
    User jane =
        graph
            .users()
            .byUserId(idOf("jane.smith@contoso.com"))
            .get(rc -> rc.queryParameters.select = select);
    assertEquals("1985-06-15", jane.getAdditionalData().get(attribute));
    User priya =
        graph
            .users()
            .byUserId(idOf("priya.patel@contoso.com"))
            .get(rc -> rc.queryParameters.select = select);
    assertEquals("Priya Patel", priya.getDisplayName());
    assertFalse(priya.getAdditionalData().containsKey(attribute));
    User sofia =
        graph
            .users()
            .byUserId(idOf("sofia.rossi@contoso.com"))
            .get(rc -> rc.queryParameters.select = select);
    assertTrue(
        sofia.getEmployeeHireDate().toInstant().isAfter(Instant.now().plusSeconds(13 * 86400)),
        "hire date +14d");
  }

  @Test
  void unknownSelectedPropertyIsA400() {
    ODataError e =
        odataError(
            () ->
                graph
                    .users()
                    .byUserId(idOf("jane.smith@contoso.com"))
                    .get(rc -> rc.queryParameters.select = new String[] {"id", "shoeSize"}));
    assertEquals(400, e.getResponseStatusCode());
    assertTrue(e.getError().getMessage().contains("'shoeSize'"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "startsWith(mail,'jane')",
        "mail ne 'x'",
        "shoeSize eq '42'",
        "mail eq",
        "accountEnabled eq 'yes'",
        "otherMails/any(m:x eq 'a')",
        "mail eq 'unterminated"
      })
  void unsupportedFilterIsA400NotA500(String filter) {
    ODataError e = odataError(() -> lookup(filter));
    assertEquals(400, e.getResponseStatusCode());
    assertNotNull(e.getError().getCode());
  }

  // ---- membership ----

  @Test
  void transitiveMemberOfShowsGlobalAdministratorRoleAndExecutivesGroup() {
    List<DirectoryObject> morgan =
        graph
            .users()
            .byUserId(idOf("morgan.reed@contoso.com"))
            .transitiveMemberOf()
            .get()
            .getValue();
    assertTrue(
        morgan.stream()
            .anyMatch(
                o ->
                    o instanceof DirectoryRole r
                        && "62e90394-69f5-4237-9190-012177145e10".equals(r.getRoleTemplateId())),
        "Global Administrator");
    List<DirectoryObject> helen =
        graph
            .users()
            .byUserId(idOf("helen.park@contoso.com"))
            .transitiveMemberOf()
            .get(rc -> rc.queryParameters.select = new String[] {"id", "displayName"})
            .getValue();
    assertTrue(
        helen.stream()
            .anyMatch(o -> o instanceof Group g && "Executives".equals(g.getDisplayName())));
    assertFalse(helen.stream().anyMatch(o -> o instanceof DirectoryRole));
  }

  // ---- password ----

  private static User passwordPatch(String password) {
    User patch = new User();
    PasswordProfile profile = new PasswordProfile();
    profile.setPassword(password);
    profile.setForceChangePasswordNextSignIn(true);
    patch.setPasswordProfile(profile);
    return patch;
  }

  private static void setPassword(String upn, String password) {
    graph.users().byUserId(idOf(upn)).patch(passwordPatch(password));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"short1!", "alllowercase", "Password1!", "Contoso123!", "Jane-Is-99-Smith"})
  void weakPasswordIsRefusedLikeEntra(String weak) {
    ODataError e = odataError(() -> setPassword("jane.smith@contoso.com", weak));
    assertEquals(400, e.getResponseStatusCode());
    assertEquals("Request_BadRequest", e.getError().getCode());
    assertTrue(directory.writes().isEmpty());
  }

  @Test
  void strongPasswordIsSetAndRecorded() {
    setPassword("jane.smith@contoso.com", "Tr4il-mix-Quokka");
    Directory.PasswordSet set =
        directory.lastPasswordSet(idOf("jane.smith@contoso.com")).orElseThrow();
    assertEquals("Tr4il-mix-Quokka", set.password());
    assertTrue(set.forceChangePasswordNextSignIn());
    assertEquals(
        List.of(Operation.SET_PASSWORD),
        directory.writes().stream().map(Directory.WriteOp::operation).toList());
    User u =
        graph
            .users()
            .byUserId(idOf("jane.smith@contoso.com"))
            .get(rc -> rc.queryParameters.select = new String[] {"lastPasswordChangeDateTime"});
    assertEquals(set.at(), u.getLastPasswordChangeDateTime().toInstant());
  }

  @Test
  void administratorTargetIsForbidden() {
    ODataError e = odataError(() -> setPassword("morgan.reed@contoso.com", "Tr4il-mix-Quokka"));
    assertEquals(403, e.getResponseStatusCode());
    assertEquals("Authorization_RequestDenied", e.getError().getCode());
    assertTrue(directory.writes().isEmpty());
  }

  @Test
  void enablesAnAccount() {
    User patch = new User();
    patch.setAccountEnabled(true);
    graph.users().byUserId(idOf("sofia.rossi@contoso.com")).patch(patch);
    assertTrue(directory.account("sofia.rossi@contoso.com").orElseThrow().accountEnabled());
  }

  // ---- authentication methods ----

  @Test
  void listsMethodsAsTheirSdkSubclasses() {
    List<AuthenticationMethod> methods =
        authentication("jane.smith@contoso.com").methods().get().getValue();
    assertEquals(3, methods.size());
    assertInstanceOf(PasswordAuthenticationMethod.class, methods.get(0));
    MicrosoftAuthenticatorAuthenticationMethod app =
        assertInstanceOf(MicrosoftAuthenticatorAuthenticationMethod.class, methods.get(1));
    assertEquals("Phone", app.getDisplayName());
    PhoneAuthenticationMethod phone =
        assertInstanceOf(PhoneAuthenticationMethod.class, methods.get(2));
    assertEquals(AuthenticationPhoneType.Mobile, phone.getPhoneType());
    assertEquals("3179e48a-750b-4051-897c-87b9720928f7", phone.getId());
    assertEquals("+1 555 0100", phone.getPhoneNumber());
  }

  @Test
  void deletesPhoneAndAuthenticatorMethods() {
    String jane = idOf("jane.smith@contoso.com");
    String appId =
        directory.methods(jane).stream()
            .filter(m -> m.type() == AuthMethodType.MICROSOFT_AUTHENTICATOR)
            .findFirst()
            .orElseThrow()
            .id();
    authentication("jane.smith@contoso.com")
        .phoneMethods()
        .byPhoneAuthenticationMethodId("3179e48a-750b-4051-897c-87b9720928f7")
        .delete();
    authentication("jane.smith@contoso.com")
        .microsoftAuthenticatorMethods()
        .byMicrosoftAuthenticatorAuthenticationMethodId(appId)
        .delete();
    assertEquals(
        List.of(AuthMethodType.PASSWORD),
        directory.methods(jane).stream().map(Directory.AuthMethod::type).toList());
    ODataError again =
        odataError(
            () ->
                authentication("jane.smith@contoso.com")
                    .phoneMethods()
                    .byPhoneAuthenticationMethodId("3179e48a-750b-4051-897c-87b9720928f7")
                    .delete());
    assertEquals(404, again.getResponseStatusCode());
  }

  @Test
  void temporaryAccessPassIsShownOnlyOnCreation() {
    TemporaryAccessPassAuthenticationMethod request = new TemporaryAccessPassAuthenticationMethod();
    request.setLifetimeInMinutes(60);
    request.setIsUsableOnce(true);
    TemporaryAccessPassAuthenticationMethod created =
        authentication("jane.smith@contoso.com").temporaryAccessPassMethods().post(request);
    String jane = idOf("jane.smith@contoso.com");
    assertNotNull(created.getTemporaryAccessPass());
    assertTrue(created.getTemporaryAccessPass().length() >= 8);
    assertEquals(
        directory.temporaryAccessPass(jane).orElseThrow(), created.getTemporaryAccessPass());
    assertEquals(Boolean.TRUE, created.getIsUsableOnce());
    assertEquals(60, created.getLifetimeInMinutes());

    TemporaryAccessPassAuthenticationMethod later =
        authentication("jane.smith@contoso.com")
            .temporaryAccessPassMethods()
            .byTemporaryAccessPassAuthenticationMethodId(created.getId())
            .get();
    assertNull(later.getTemporaryAccessPass());
    assertEquals(Boolean.TRUE, later.getIsUsable());
  }

  @Test
  void temporaryAccessPassLifetimeOutsidePolicyIsA400() {
    TemporaryAccessPassAuthenticationMethod request = new TemporaryAccessPassAuthenticationMethod();
    request.setLifetimeInMinutes(5);
    ODataError e =
        odataError(
            () ->
                authentication("jane.smith@contoso.com")
                    .temporaryAccessPassMethods()
                    .post(request));
    assertEquals(400, e.getResponseStatusCode());
  }

  @Test
  void revokesSignInSessions() {
    Boolean value =
        graph
            .users()
            .byUserId(idOf("jane.smith@contoso.com"))
            .revokeSignInSessions()
            .post()
            .getValue();
    assertEquals(Boolean.TRUE, value);
    assertEquals(
        List.of(Operation.REVOKE_SIGN_IN_SESSIONS),
        directory.writes().stream().map(Directory.WriteOp::operation).toList());
  }

  @Test
  void batchOfDeletes() throws Exception {
    String jane = idOf("jane.smith@contoso.com");
    String appId =
        directory.methods(jane).stream()
            .filter(m -> m.type() == AuthMethodType.MICROSOFT_AUTHENTICATOR)
            .findFirst()
            .orElseThrow()
            .id();
    BatchRequestContent batch = new BatchRequestContent(graph);
    String phoneStep =
        batch.addBatchRequestStep(
            authentication("jane.smith@contoso.com")
                .phoneMethods()
                .byPhoneAuthenticationMethodId("3179e48a-750b-4051-897c-87b9720928f7")
                .toDeleteRequestInformation());
    String appStep =
        batch.addBatchRequestStep(
            authentication("jane.smith@contoso.com")
                .microsoftAuthenticatorMethods()
                .byMicrosoftAuthenticatorAuthenticationMethodId(appId)
                .toDeleteRequestInformation());
    long callsBefore = directory.graphCalls();
    BatchResponseContent response = graph.getBatchRequestBuilder().post(batch, null);
    assertEquals(204, response.getResponsesStatusCode().get(phoneStep));
    assertEquals(204, response.getResponsesStatusCode().get(appStep));
    assertEquals(
        2, directory.graphCalls() - callsBefore, "each step is a Graph call, the envelope is not");
    assertEquals(
        List.of(AuthMethodType.PASSWORD),
        directory.methods(jane).stream().map(Directory.AuthMethod::type).toList());
  }

  // ---- throttling and outages ----

  @Test
  void throttledCallIsRetriedAfterRetryAfter() {
    int faultsBefore = sandbox.faults().injectedCount();
    sandbox.faults().failNext(429, 1, "1");
    long started = System.nanoTime();
    User u = graph.users().byUserId(idOf("jane.smith@contoso.com")).get();
    assertEquals("Jane Smith", u.getDisplayName());
    assertEquals(1, sandbox.faults().injectedCount() - faultsBefore);
    assertTrue(System.nanoTime() - started >= 900_000_000L, "the SDK waited for Retry-After");
  }

  @Test
  void outageBeyondTheRetryBudgetSurfacesAs503() {
    int faultsBefore = sandbox.faults().injectedCount();
    sandbox.faults().failNext(503, 4, "0.1");
    ApiException e =
        assertThrows(
            ApiException.class, () -> graph.users().byUserId(idOf("jane.smith@contoso.com")).get());
    assertEquals(503, e.getResponseStatusCode());
    assertEquals(4, sandbox.faults().injectedCount() - faultsBefore, "one call and three retries");
  }

  // ---- credentials and permissions ----

  @Test
  void readinessTokenCarriesGraphAudienceAndComesFromMsalCache() {
    GraphToken token = clients.acquireToken();
    assertNotNull(sandbox.entra().verifyGraphToken(token.accessToken()));
    assertEquals(
        token.accessToken(),
        clients.acquireToken().accessToken(),
        "a fresh token would have a new jti");
    assertTrue(token.expiresOn().isAfter(Instant.now()));
    assertFalse(token.toString().contains(token.accessToken()));
  }

  @Test
  void wrongClientSecretGetsNoTokenAndNoGraphCall() {
    String wrong = "not-the-secret-" + Sandbox.randomSecret();
    try (GraphClients bad = GraphClients.create(SandboxGraphSettings.withSecret(sandbox, wrong))) {
      GraphTokenException e = assertThrows(GraphTokenException.class, bad::acquireToken);
      assertEquals("invalid_client", e.errorCode());
      assertFalse(e.getMessage().contains(wrong));
      assertThrows(
          GraphTokenException.class,
          () -> bad.graph().users().byUserId(idOf("jane.smith@contoso.com")).get());
      assertEquals(0, directory.graphCalls());
    }
  }

  @Test
  void tokenWithoutThePasswordPermissionIsForbidden() {
    sandbox.entra().grantPermissions(Set.of("User.Read.All"));
    try (GraphClients limited = GraphClients.create(SandboxGraphSettings.of(sandbox))) {
      String jane = idOf("jane.smith@contoso.com");
      assertEquals("Jane Smith", limited.graph().users().byUserId(jane).get().getDisplayName());
      ODataError e =
          assertThrows(
              ODataError.class,
              () ->
                  limited.graph().users().byUserId(jane).patch(passwordPatch("Tr4il-mix-Quokka")));
      assertEquals(403, e.getResponseStatusCode());
      assertEquals("Authorization_RequestDenied", e.getError().getCode());
      assertTrue(directory.writes().isEmpty());
      // Without role permissions Graph still lists the role, but only its type and id.
      DirectoryRole role =
          (DirectoryRole)
              limited
                  .graph()
                  .users()
                  .byUserId(idOf("morgan.reed@contoso.com"))
                  .transitiveMemberOf()
                  .get()
                  .getValue()
                  .stream()
                  .filter(DirectoryRole.class::isInstance)
                  .findFirst()
                  .orElseThrow();
      assertNull(role.getRoleTemplateId());
    }
  }
}
