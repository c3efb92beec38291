package io.recoveryportal.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.matching.PairsTable.Pair;
import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.Directory.User;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps pairs.tsv honest about the demo tenant: every person in config/sandbox/directory.json has a
 * row with exactly their directory values and the document the sandbox's Incode issues, so a change
 * to the seed that the table does not follow fails here.
 */
class SandboxPeopleTest {

  @Test
  void everyDemoPersonHasARowWithTheirSandboxDocument() {
    List<Pair> pairs = PairsTable.load();
    List<User> users =
        Directory.load(Path.of("config/sandbox/directory.json")).accounts().stream()
            .map(Directory.Account::profile)
            .toList();
    assertEquals(22, users.size(), "demo tenant size changed: add rows to pairs.tsv");
    for (User u : users) {
      DirectoryPerson dir =
          new DirectoryPerson(u.givenName(), u.surname(), u.displayName(), u.birthdate());
      Map<String, Object> d = u.document();
      VerifiedIdentity doc =
          new VerifiedIdentity(
              (String) d.get("name"),
              (String) d.get("givenName"),
              LocalDate.parse((String) d.get("birthdate")));
      assertTrue(
          pairs.stream().anyMatch(p -> p.directory().equals(dir) && p.document().equals(doc)),
          u.userPrincipalName() + " has no row " + dir + " / " + doc);
    }
  }
}
