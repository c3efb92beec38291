package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.Directory.Deletion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphDirectoryTest {

  private static final Path SEED = Path.of("config/sandbox/directory.json");

  @Test
  void seedIsLoadedWithRelativeHireDatesAndDemoPeople() {
    Directory d = Directory.load(SEED);
    assertEquals(d.seedUsers().size(), d.demoEmployees().size());
    Directory.User sofia = d.findByUpn("SOFIA.ROSSI@contoso.com").orElseThrow();
    assertEquals(
        LocalDate.now(ZoneOffset.UTC)
            .plusDays(14)
            .atTime(LocalTime.of(9, 0))
            .toInstant(ZoneOffset.UTC),
        sofia.employeeHireDate());
    assertTrue(d.holdsDirectoryRole(d.findByUpn("morgan.reed@contoso.com").orElseThrow().id()));
    assertFalse(d.holdsDirectoryRole(sofia.id()));
  }

  @Test
  void writesAreLoggedAndResetRestoresTheSeed() {
    Directory d = Directory.load(SEED);
    String jane = d.findByUpn("jane.smith@contoso.com").orElseThrow().id();
    d.setAccountEnabled(jane, false);
    d.createTemporaryAccessPass(jane, null, 60, true);
    assertEquals(2, d.writes().size());
    assertEquals(4, d.methods(jane).size());
    d.reset();
    assertTrue(d.writes().isEmpty());
    assertTrue(d.account(jane).orElseThrow().accountEnabled());
    assertEquals(3, d.methods(jane).size());
    assertTrue(d.temporaryAccessPass(jane).isEmpty());
  }

  @Test
  void alternateMobileMustGoBeforeMobile(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("directory.json");
    Files.writeString(
        seed,
        """
                {"tenantId":"t","application":{"appId":"a"},"birthdateExtension":"dateOfBirth",
                 "groups":[],"directoryRoles":[],
                 "users":[{"id":"u1","userPrincipalName":"u1@contoso.com","createdDateTime":"2021-03-01T09:00:00Z",
                   "authenticationMethods":[{"type":"phone","phoneType":"mobile","phoneNumber":"+1 555 0100"},
                                            {"type":"phone","phoneType":"alternateMobile","phoneNumber":"+1 555 0101"}]}]}
                """);
    Directory d = Directory.load(seed);
    String mobile = Directory.PHONE_METHOD_IDS.get("mobile");
    String alternate = Directory.PHONE_METHOD_IDS.get("alternateMobile");
    assertEquals(
        Deletion.ALTERNATE_MOBILE_FIRST, d.deleteMethod("u1", AuthMethodType.PHONE, mobile));
    assertEquals(Deletion.NOT_FOUND, d.deleteMethod("u1", AuthMethodType.FIDO2, alternate));
    assertEquals(Deletion.DELETED, d.deleteMethod("u1", AuthMethodType.PHONE, alternate));
    assertEquals(Deletion.DELETED, d.deleteMethod("u1", AuthMethodType.PHONE, mobile));
    assertTrue(d.methods("u1").isEmpty());
  }
}
