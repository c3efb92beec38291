package io.recoveryportal.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkEmailTest {

  @ParameterizedTest
  @CsvSource({
    "jane.smith@contoso.com, jane.smith@contoso.com",
    "'  Jane.Smith@Contoso.COM ', jane.smith@contoso.com",
    "claire.dubois-martin@contoso.com, claire.dubois-martin@contoso.com",
    "o'connor+it@mail.contoso.co.uk, o'connor+it@mail.contoso.co.uk"
  })
  void acceptsAndNormalises(String input, String expected) {
    assertEquals(expected, WorkEmail.parse(input).orElseThrow().value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "jane",
        "jane@",
        "@contoso.com",
        "jane@contoso",
        "jane smith@contoso.com",
        "jane@@contoso.com",
        "jane@contoso..com",
        ".jane@contoso.com",
        "jane.@contoso.com",
        "jane@-contoso.com",
        "\"jane\"@contoso.com",
        "jane@[10.0.0.1]",
        "jane@contoso.com'); drop table",
        "mail eq 'x' or 1 eq 1@a.com",
        "jane@contoso.com\nbcc@evil.example",
        "jäne@contoso.com"
      })
  void rejects(String input) {
    assertTrue(WorkEmail.parse(input).isEmpty(), input);
  }

  @org.junit.jupiter.api.Test
  void rejectsOverlongAddresses() {
    assertTrue(WorkEmail.parse("a".repeat(65) + "@contoso.com").isEmpty());
    assertTrue(
        WorkEmail.parse(
                "a@"
                    + "b".repeat(63)
                    + "."
                    + "c".repeat(63)
                    + "."
                    + "d".repeat(63)
                    + "."
                    + "e".repeat(63)
                    + ".com")
            .isEmpty());
  }
}
