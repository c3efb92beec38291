package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.directory.graph.GraphClients;
import io.recoveryportal.directory.graph.GraphDirectory;
import io.recoveryportal.directory.graph.SandboxGraphSettings;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.WorkEmail;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox with generated benchmark employees, through the portal's real Graph adapter: every
 * one found by its address among thousands (the address index gives the same answer as testing
 * every user), disabled ones reported disabled, the demo tenant unchanged beside them, and a filter
 * with no address still answered by testing everyone.
 */
class BenchmarkEmployeesTest {

  private static final int EMPLOYEES = 3_000;
  private static Sandbox sandbox;
  private static GraphClients clients;
  private static GraphDirectory directory;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), Path.of("target"))
                .withBenchmarkEmployees(EMPLOYEES));
    clients = GraphClients.create(SandboxGraphSettings.of(sandbox));
    directory = new GraphDirectory(clients, sandbox.directory().birthdateAttribute());
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

  @Test
  void everyGeneratedEmployeeIsFoundByAddressWithADocumentThatMatches() {
    for (int i : new int[] {0, 1, 19, 1234, EMPLOYEES - 1}) {
      List<DirectoryAccount> found =
          directory.findByEmail(WorkEmail.parse(Directory.benchmarkAddress(i)).orElseThrow());
      assertEquals(1, found.size(), Directory.benchmarkAddress(i));
      DirectoryAccount acc = found.get(0);
      assertEquals(!Directory.benchmarkDisabled(i), acc.enabled());
      People.Person person =
          People.of(sandbox.directory()).byEmail(acc.userPrincipalName()).orElseThrow();
      assertEquals(
          (acc.givenName() + " " + acc.surname()).toUpperCase(java.util.Locale.ROOT),
          person.document().name());
      assertEquals(acc.birthdate(), person.document().birthdate());
    }
    assertTrue(
        directory.findByEmail(WorkEmail.parse("nobody.1@contoso.com").orElseThrow()).isEmpty());
  }

  /**
   * A benchmark's clean flows must all end in a match: no generated name or birthdate may send one
   * to review.
   */
  @Test
  void everyGeneratedEmployeesDocumentIsACleanMatch() {
    Directory generated = Directory.load(Path.of("config/sandbox/directory.json"), 12_000);
    People people = People.of(generated);
    for (Directory.Account a :
        generated.accounts().subList(generated.demoUserCount(), generated.accounts().size())) {
      Directory.User u = a.profile();
      People.Document d = people.byId(u.id()).orElseThrow().document();
      var result =
          io.recoveryportal.matching.IdentityMatcher.match(
              new io.recoveryportal.matching.VerifiedIdentity(
                  d.name(), d.givenName(), java.time.LocalDate.parse(d.birthdate())),
              new io.recoveryportal.matching.DirectoryPerson(
                  u.givenName(), u.surname(), u.displayName(), u.birthdate()),
              io.recoveryportal.matching.MatchingPolicy.DEFAULT);
      assertEquals(
          io.recoveryportal.matching.Outcome.MATCH,
          result.outcome(),
          u.userPrincipalName() + ": " + result.rules());
    }
  }

  @Test
  void theDemoTenantIsThereAsBeforeAndItsPagesListOnlyItsPeople() {
    assertEquals(
        1, directory.findByEmail(WorkEmail.parse("j.smith@contoso.com").orElseThrow()).size());
    People people = People.of(sandbox.directory());
    assertEquals(sandbox.directory().demoUserCount(), people.listed().size());
    assertEquals(sandbox.directory().demoUserCount() + EMPLOYEES, people.all().size());
    assertFalse(people.listed().stream().anyMatch(p -> p.userPrincipalName().startsWith("bench.")));
  }

  @Test
  void aFilterWithoutAnAddressStillTestsEveryone() {
    var disabled =
        clients
            .graph()
            .users()
            .get(
                rc -> {
                  rc.queryParameters.filter = "accountEnabled eq false";
                  rc.queryParameters.select = new String[] {"id", "userPrincipalName"};
                  rc.queryParameters.top = 999;
                })
            .getValue();
    long generatedDisabled =
        disabled.stream().filter(u -> u.getUserPrincipalName().startsWith("bench.")).count();
    assertEquals(EMPLOYEES / Directory.BENCHMARK_DISABLED_EVERY, generatedDisabled);
  }
}
