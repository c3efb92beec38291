package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.ODataFilter.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphFilterTest {

  private static final Map<String, Kind> FILTERABLE =
      Map.of(
          "mail",
          Kind.STRING,
          "surname",
          Kind.STRING,
          "accountEnabled",
          Kind.BOOLEAN,
          "otherMails",
          Kind.STRING_COLLECTION,
          "proxyAddresses",
          Kind.STRING_COLLECTION);
  private static final Set<String> KNOWN =
      Set.of("mail", "surname", "accountEnabled", "otherMails", "proxyAddresses", "city");

  private static final Map<String, Object> SARAH =
      Map.of(
          "mail",
          "sarah.oconnor@contoso.com",
          "surname",
          "O'Connor",
          "accountEnabled",
          true,
          "otherMails",
          List.of("sarah@example.net"),
          "proxyAddresses",
          List.of("SMTP:sarah.oconnor@contoso.com", "smtp:s.oconnor@contoso.com"));

  private static boolean matches(String filter) {
    Predicate<Map<String, Object>> p = ODataFilter.parse(filter, FILTERABLE, KNOWN);
    return p.test(SARAH);
  }

  @Test
  void equalityIgnoresCaseAndDoubledQuotesEscapeAQuote() {
    assertTrue(matches("mail eq 'Sarah.OConnor@contoso.com'"));
    assertTrue(matches("surname eq 'o''connor'"));
    assertFalse(matches("surname eq 'oconnor'"));
  }

  @Test
  void anyOverCollectionsIncludingProxyPrefixes() {
    assertTrue(matches("otherMails/any(m:m eq 'SARAH@example.net')"));
    assertTrue(matches("proxyAddresses/any(p:p eq 'smtp:S.OConnor@contoso.com')"));
    assertFalse(matches("proxyAddresses/any(p:p eq 's.oconnor@contoso.com')"));
  }

  @Test
  void andBindsTighterThanOrAndParenthesesOverrideIt() {
    assertTrue(matches("mail eq 'x' and accountEnabled eq false or surname eq 'O''Connor'"));
    assertFalse(matches("mail eq 'x' and (accountEnabled eq false or surname eq 'O''Connor')"));
    assertTrue(matches("(mail eq 'x' or accountEnabled eq true) and surname eq 'o''connor'"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mail eq",
        "mail eq 'a' or",
        "(mail eq 'a'",
        "mail eq 'a')",
        "mail ne 'a'",
        "startsWith(mail,'a')",
        "not mail eq 'a'",
        "mail eq 'open",
        "otherMails/any(m:n eq 'a')",
        "accountEnabled eq 'true'",
        "mail eq true",
        "mail eq 'a' xor mail eq 'b'",
        "",
        "   "
      })
  void anythingElseIsABadRequest(String filter) {
    GraphFailure f = assertThrows(GraphFailure.class, () -> matches(filter));
    assertEquals(400, f.status());
    assertEquals("BadRequest", f.code());
  }

  @Test
  void realButUnfilterablePropertyIsAnUnsupportedQuery() {
    GraphFailure f = assertThrows(GraphFailure.class, () -> matches("city eq 'Paris'"));
    assertEquals("Request_UnsupportedQuery", f.code());
    GraphFailure unknown = assertThrows(GraphFailure.class, () -> matches("shoeSize eq '42'"));
    assertTrue(unknown.getMessage().contains("Could not find a property named 'shoeSize'"));
  }
}
