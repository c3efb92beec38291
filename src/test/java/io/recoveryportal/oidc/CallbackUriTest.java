package io.recoveryportal.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Callback URIs rebuilt from what a browser sent: well-formed queries untouched, anything else
 * encoded, never an exception.
 */
class CallbackUriTest {

  private static final String REDIRECT = "https://recover.contoso.example/verify/callback";

  @Test
  void aWellFormedQueryIsKeptAsItCame() {
    String q = "code=abc-DEF_123.~&state=x%2By%3D&iss=https%3A%2F%2Fauth.incode.com";
    assertEquals(REDIRECT + "?" + q, CallbackUri.of(REDIRECT, q).toString());
    assertEquals(REDIRECT, CallbackUri.of(REDIRECT, null).toString());
    assertEquals(REDIRECT, CallbackUri.of(REDIRECT, "").toString());
  }

  @Test
  void whatJavaNetUriRefusesIsEncodedNotThrown() {
    // each of these made URI.create throw, and the callback answer a 500 with a stack trace
    assertEquals(
        "code=%25zz&state=%25", CallbackUri.of(REDIRECT, "code=%zz&state=%").getRawQuery());
    assertEquals(
        "a=x%7Cy%5Ez%20w%22%3C%3E%7B%7D",
        CallbackUri.of(REDIRECT, "a=x|y^z w\"<>{}").getRawQuery());
    URI u = CallbackUri.of(REDIRECT, "name=Müller😀");
    assertEquals("name=M%C3%BCller%F0%9F%98%80", u.getRawQuery());
    assertEquals("name=Müller😀", u.getQuery());
  }
}
