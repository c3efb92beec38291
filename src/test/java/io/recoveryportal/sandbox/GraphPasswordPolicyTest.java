package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphPasswordPolicyTest {

  private static final Directory.User THOMAS =
      Directory.load(Path.of("config/sandbox/directory.json"))
          .findByUpn("thomas.muller@contoso.com")
          .orElseThrow();

  @ParameterizedTest
  @ValueSource(
      strings = {"Tr4il-mix-Quokka", "blue-Harbor-7", "ZEBRA crossing 42", "kettle!Lantern9"})
  void strongPasswordsComply(String password) {
    assertTrue(EntraPasswordPolicy.complies(THOMAS, password));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sh0rt!",
        "lowercaseonly",
        "UPPERlower",
        "Password1!",
        "P@ssw0rd-Extra",
        "Contoso123!",
        "Welcome-2026!",
        "Thomas-1999!",
        "x-MULLER-77x",
        "Muller-77-Sky",
        "Müller-77-Sky",
        "thomas.muller-X9"
      })
  void weakPasswordsAreRefused(String password) {
    assertFalse(EntraPasswordPolicy.complies(THOMAS, password));
  }

  @ParameterizedTest
  @ValueSource(ints = {7, 257})
  void lengthBounds(int length) {
    assertFalse(EntraPasswordPolicy.complies(THOMAS, "Aa1-".repeat(65).substring(0, length)));
  }
}
