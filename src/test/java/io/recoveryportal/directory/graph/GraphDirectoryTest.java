package io.recoveryportal.directory.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryRefusedException;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.lookup.Membership;
import io.recoveryportal.lookup.WorkEmail;
import io.recoveryportal.sandbox.EntraApi;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link GraphDirectory} against the sandbox's Graph, through the real Graph SDK and MSAL4J. */
class GraphDirectoryTest {

  private static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
  private static final String EXECUTIVES = "90a33271-0c65-5b3b-9447-e860ef890f25";
  private static final String ALL_STAFF = "cc3f431c-4842-553b-954c-f642db73f5ff";

  @RegisterExtension static final GraphSandbox tenant = new GraphSandbox();
  private static GraphDirectory directory;

  @BeforeAll
  static void adapter() {
    directory = new GraphDirectory(tenant.clients, tenant.directory.birthdateAttribute());
  }

  private static List<DirectoryAccount> find(String typed) {
    return directory.findByEmail(WorkEmail.parse(typed).orElseThrow());
  }

  // ---- lookup ----

  /** Mail, UPN, a personal address (otherMails) and a secondary proxy address, each in any case. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "jane.smith@contoso.com",
        "JANE.Smith@Contoso.COM",
        "jane.smith.home@example.net",
        "Jane.Smith.Home@EXAMPLE.net",
        "j.smith@contoso.com",
        "J.SMITH@CONTOSO.COM"
      })
  void findsJaneByEveryAddressKindInAnyCase(String typed) {
    long before = tenant.directory.graphCalls();
    List<DirectoryAccount> found = find(typed);
    assertEquals(1, tenant.directory.graphCalls() - before, "one Graph request per lookup");
    assertEquals(1, found.size());
    DirectoryAccount jane = found.get(0);
    assertEquals(tenant.idOf("jane.smith@contoso.com"), jane.id());
    assertEquals("jane.smith@contoso.com", jane.userPrincipalName());
    assertEquals("jane.smith@contoso.com", jane.mail());
    assertEquals(List.of("jane.smith.home@example.net"), jane.otherMails());
    assertEquals("Jane", jane.givenName());
    assertEquals("Smith", jane.surname());
    assertEquals("Jane Smith", jane.displayName());
    assertEquals("1985-06-15", jane.birthdate());
    assertTrue(jane.enabled());
  }

  @Test
  void unknownAddressFindsNobody() {
    assertTrue(find("nobody@contoso.com").isEmpty());
    assertTrue(find("o'connor@contoso.com").isEmpty(), "a quote is escaped, not a broken filter");
  }

  @Test
  void primaryProxyAddressFindsTheAccountToo() {
    assertEquals(
        List.of(tenant.idOf("thomas.muller@contoso.com")),
        find("thomas.muller@contoso.com").stream().map(DirectoryAccount::id).toList());
  }

  @Test
  void anAddressSharedByTwoAccountsFindsBoth() {
    Set<String> ids =
        new HashSet<>(
            find(GraphSandbox.SHARED_ADDRESS).stream().map(DirectoryAccount::id).toList());
    assertEquals(
        Set.of(tenant.idOf("kim.twin@contoso.com"), tenant.idOf("kai.twin@contoso.com")), ids);
  }

  @Test
  void birthdateIsNullWhenTheAccountHasNoValue() {
    DirectoryAccount priya = find("priya.patel@contoso.com").get(0);
    assertEquals("Priya Patel", priya.displayName());
    assertNull(priya.birthdate());
  }

  @Test
  void disabledAccountIsFoundAndFlagged() {
    DirectoryAccount liam = find("liam.carter@contoso.com").get(0);
    assertFalse(liam.enabled());
    assertEquals("1995-02-28", liam.birthdate());
  }

  @Test
  void profileReadsDepartmentManagerAndDatesFresh() {
    var p = directory.profile(tenant.idOf("jane.smith@contoso.com")).orElseThrow();
    var seed = tenant.directory.findByUpn("jane.smith@contoso.com").orElseThrow();
    assertEquals(seed.department(), p.department());
    assertEquals(seed.jobTitle(), p.jobTitle());
    var manager = tenant.directory.account(seed.managerId()).orElseThrow().profile();
    assertEquals(manager.displayName(), p.managerName());
    assertEquals(seed.managerId(), p.managerId());
    assertEquals(seed.createdDateTime(), p.created());
    assertTrue(p.lastPasswordChange() != null);
    assertTrue(directory.profile("00000000-0000-0000-0000-000000000000").isEmpty());
  }

  @Test
  void upcomingHiresAreDisabledAccountsWithinTheWindowWithAPersonalAddress() {
    java.time.Instant now = java.time.Instant.now();
    var hires =
        directory.upcomingHires(
            now.minus(java.time.Duration.ofDays(1)),
            now.plus(java.time.Duration.ofDays(20)),
            "otherMails");
    var upns = hires.stream().map(h -> h.account().userPrincipalName()).toList();
    assertTrue(
        upns.containsAll(java.util.List.of("lena.schmidt@contoso.com", "noah.kim@contoso.com")),
        upns.toString());
    assertFalse(upns.contains("omar.haddad@contoso.com"), "omar starts in 45 days");
    assertFalse(upns.contains("liam.carter@contoso.com"), "liam is disabled but no new hire");
    assertTrue(hires.stream().noneMatch(h -> h.account().enabled()));
    assertTrue(hires.stream().allMatch(h -> h.personalEmail().endsWith("@example.net")));
  }

  @Test
  void findByIdReadsFreshAndMissesCleanly() {
    String sofia = tenant.idOf("sofia.rossi@contoso.com");
    DirectoryAccount before = directory.findById(sofia).orElseThrow();
    assertFalse(before.enabled());
    assertEquals(List.of("sofia.rossi.personal@example.net"), before.otherMails());
    tenant.directory.setAccountEnabled(sofia, true);
    assertTrue(directory.findById(sofia).orElseThrow().enabled(), "read fresh, not cached");
    assertTrue(directory.findById("00000000-0000-0000-0000-000000000000").isEmpty());
  }

  // ---- membership ----

  @Test
  void globalAdministratorRoleIsSeen() {
    long before = tenant.directory.graphCalls();
    Membership morgan = directory.membership(tenant.idOf("morgan.reed@contoso.com"));
    assertEquals(
        1, tenant.directory.graphCalls() - before, "one Graph request per membership read");
    assertEquals(1, morgan.directoryRoleCount());
    assertEquals(Set.of(GLOBAL_ADMINISTRATOR), morgan.roleTemplateIds());
    assertEquals(Set.of(ALL_STAFF), morgan.groupIds());
    assertTrue(morgan.holdsAnyDirectoryRole());
  }

  @Test
  void executivesGroupIsSeen() {
    Membership helen = directory.membership(tenant.idOf("helen.park@contoso.com"));
    assertEquals(0, helen.directoryRoleCount());
    assertEquals(Set.of(ALL_STAFF, EXECUTIVES), helen.groupIds());
  }

  @Test
  void plainUserHoldsNoRoleAndNoProtectedGroup() {
    Membership jane = directory.membership(tenant.idOf("jane.smith@contoso.com"));
    assertFalse(jane.holdsAnyDirectoryRole());
    assertTrue(jane.roleTemplateIds().isEmpty());
    assertEquals(Set.of(ALL_STAFF), jane.groupIds());
  }

  @Test
  void roleStillCountsWhenItsTemplateIdCannotBeRead() {
    Set<String> withoutRoles = new HashSet<>(EntraApi.DEFAULT_GRAPH_PERMISSIONS);
    withoutRoles.remove("RoleManagement.Read.Directory");
    tenant.sandbox.entra().grantPermissions(withoutRoles);
    try (GraphClients limited = tenant.newClients()) {
      Membership morgan =
          new GraphDirectory(limited, tenant.directory.birthdateAttribute())
              .membership(tenant.idOf("morgan.reed@contoso.com"));
      assertEquals(1, morgan.directoryRoleCount());
      assertTrue(morgan.roleTemplateIds().isEmpty());
      assertTrue(morgan.holdsAnyDirectoryRole());
    }
  }

  @Test
  void membershipOfAnUnknownAccountIsARefusalNotAnEmptyList() {
    DirectoryRefusedException e =
        assertThrows(
            DirectoryRefusedException.class,
            () -> directory.membership("00000000-0000-0000-0000-000000000000"));
    assertEquals(404, e.status());
    assertFalse(e.getMessage().contains("00000000-0000-0000-0000-000000000000"));
  }

  // ---- failures ----

  @Test
  void throttlingWithinTheRetryBudgetIsInvisible() {
    int faults = tenant.sandbox.faults().injectedCount();
    tenant.sandbox.faults().failNext(429, 2, "0.2");
    assertEquals(1, find("jane.smith@contoso.com").size());
    assertEquals(2, tenant.sandbox.faults().injectedCount() - faults);
  }

  @Test
  void outageBeyondTheRetryBudgetIsDirectoryUnavailableWithStatusAndRequestId() {
    tenant.sandbox.faults().failNext(503, 4, "0.1");
    DirectoryUnavailableException e =
        assertThrows(DirectoryUnavailableException.class, () -> find("jane.smith@contoso.com"));
    assertTrue(e.getMessage().contains("503"), e.getMessage());
    assertTrue(e.getMessage().matches(".*request-id [0-9a-f-]{36}.*"), e.getMessage());
    assertFalse(
        e.getMessage().toLowerCase().contains("jane"), "no personal data: " + e.getMessage());
  }

  @Test
  void missingReadPermissionIsARefusal() {
    tenant.sandbox.entra().grantPermissions(Set.of("GroupMember.Read.All"));
    try (GraphClients limited = tenant.newClients()) {
      DirectoryRefusedException e =
          assertThrows(
              DirectoryRefusedException.class,
              () ->
                  new GraphDirectory(limited, tenant.directory.birthdateAttribute())
                      .findByEmail(WorkEmail.parse("jane.smith@contoso.com").orElseThrow()));
      assertEquals(403, e.status());
      assertEquals("Authorization_RequestDenied", e.errorCode());
      assertFalse(e.getMessage().contains("jane"));
    }
  }

  @Test
  void noTokenIsDirectoryUnavailableWithoutTheSecret() {
    String wrong = "not-the-secret-0123456789";
    try (GraphClients bad =
        GraphClients.create(SandboxGraphSettings.withSecret(tenant.sandbox, wrong))) {
      DirectoryUnavailableException e =
          assertThrows(
              DirectoryUnavailableException.class,
              () ->
                  new GraphDirectory(bad, tenant.directory.birthdateAttribute())
                      .findById(tenant.idOf("jane.smith@contoso.com")));
      assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
      assertFalse(e.getMessage().contains(wrong));
      assertEquals(0, tenant.directory.graphCalls(), "no Graph request without a token");
    }
  }

  @Test
  void unreachableGraphIsDirectoryUnavailable() throws Exception {
    find("jane.smith@contoso.com"); // token cached: the failure below is Graph's, not Entra's
    tenant.sandbox.suspend();
    try {
      DirectoryUnavailableException e =
          assertThrows(
              DirectoryUnavailableException.class,
              () -> directory.findById(tenant.idOf("jane.smith@contoso.com")));
      assertTrue(e.getMessage().startsWith("Could not reach Microsoft Graph"), e.getMessage());
    } finally {
      tenant.sandbox.resume();
    }
  }
}
