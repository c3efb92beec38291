package io.recoveryportal.directory.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.graph.models.User;
import com.microsoft.kiota.serialization.UntypedString;
import io.recoveryportal.lookup.DirectoryAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact re-check behind every lookup, which the sandbox (whose filter is exact) cannot
 * exercise: an account Graph returns for an address it does not really have must be dropped.
 */
class UserMappingTest {

  private static final String BIRTHDATE = "extension_abc_dateOfBirth";

  private static User user(String mail, String upn, List<String> otherMails, List<String> proxies) {
    User u = new User();
    u.setId("id-1");
    u.setMail(mail);
    u.setUserPrincipalName(upn);
    u.setOtherMails(otherMails);
    u.setProxyAddresses(proxies);
    return u;
  }

  @Test
  void everyAddressKindMatchesWithoutRegardToCase() {
    User u =
        user(
            "Ann.Lee@Contoso.com",
            "alee@contoso.onmicrosoft.com",
            List.of("Ann@Example.net"),
            List.of("SMTP:Ann.Lee@Contoso.com", "smtp:A.Lee@contoso.com"));
    for (String a :
        List.of(
            "ann.lee@contoso.com",
            "alee@contoso.onmicrosoft.com",
            "ann@example.net",
            "a.lee@contoso.com")) {
      assertTrue(UserMapping.answersTo(u, a), a);
    }
  }

  @Test
  void nearMissesAndNonSmtpProxiesDoNotMatch() {
    User u =
        user(
            "ann.lee@contoso.com",
            "ann.lee@contoso.com",
            null,
            List.of("SIP:boss@contoso.com", "X500:/o=contoso/cn=boss@contoso.com", "smtp:"));
    assertFalse(UserMapping.answersTo(u, "boss@contoso.com"), "only smtp: proxies are addresses");
    assertFalse(UserMapping.answersTo(u, "ann.lee@contoso.co"), "a prefix is not the address");
    assertFalse(UserMapping.answersTo(u, "nn.lee@contoso.com"), "a suffix is not the address");
    assertFalse(
        UserMapping.answersTo(user(null, "x@contoso.com", null, null), "ann.lee@contoso.com"));
  }

  @Test
  void mapsEveryFieldAndReadsTheExtensionFromAdditionalData() {
    User u = user("ann.lee@contoso.com", "ann.lee@contoso.com", List.of("ann@example.net"), null);
    u.setGivenName("Ann");
    u.setSurname("Lee");
    u.setDisplayName("Ann Lee");
    u.setAccountEnabled(true);
    u.setPreferredLanguage("de-DE");
    u.setAdditionalData(Map.of(BIRTHDATE, "1990-02-03"));
    assertEquals(
        new DirectoryAccount(
            "id-1",
            "ann.lee@contoso.com",
            "ann.lee@contoso.com",
            List.of("ann@example.net"),
            "Ann",
            "Lee",
            "Ann Lee",
            "1990-02-03",
            true,
            "de-DE"),
        UserMapping.toAccount(u, BIRTHDATE));
  }

  @Test
  void untypedExtensionValueIsReadAndAnAbsentOneIsNull() {
    User u = user("a@contoso.com", "a@contoso.com", null, null);
    u.setAdditionalData(Map.of(BIRTHDATE, new UntypedString("1990-02-03")));
    assertEquals("1990-02-03", UserMapping.toAccount(u, BIRTHDATE).birthdate());
    assertNull(
        UserMapping.toAccount(user("a@contoso.com", "a@contoso.com", null, null), BIRTHDATE)
            .birthdate());
  }

  @Test
  void anAccountWhoseEnabledFlagDidNotComeBackIsNotTakenAsEnabled() {
    assertFalse(
        UserMapping.toAccount(user("a@contoso.com", "a@contoso.com", null, null), BIRTHDATE)
            .enabled());
  }
}
