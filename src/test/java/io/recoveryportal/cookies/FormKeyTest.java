package io.recoveryportal.cookies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.security.OpaqueTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stateless pages' CSRF key: a new browser gets one, a form must carry the field of the
 * browser's own key.
 */
class FormKeyTest {

  @Test
  void aBrowserWithoutAKeyGetsAHostCookieAndTheFieldForIt() {
    List<String> setCookies = new ArrayList<>();
    String field = FormKey.ensure(request(null, Map.of()), response(setCookies));
    assertEquals(1, setCookies.size());
    String cookie = setCookies.get(0);
    assertTrue(cookie.startsWith(FormKey.COOKIE_NAME + "="), cookie);
    for (String attribute : List.of("Path=/", "Secure", "HttpOnly", "SameSite=Lax")) {
      assertTrue(cookie.contains(attribute), cookie);
    }
    String key = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    assertEquals(FormKey.fieldFor(key), field);
    assertNotEquals(key, field, "the page shows a hash of the key, never the key");
  }

  @Test
  void aBrowserWithAKeyKeepsIt() {
    String key = OpaqueTokens.generate();
    List<String> setCookies = new ArrayList<>();
    assertEquals(
        FormKey.fieldFor(key), FormKey.ensure(request(key, Map.of()), response(setCookies)));
    assertTrue(setCookies.isEmpty());
  }

  @Test
  void onlyTheFieldOfTheBrowsersOwnKeyMatches() {
    String key = OpaqueTokens.generate();
    assertTrue(FormKey.matches(request(key, Map.of(FormKey.FIELD, FormKey.fieldFor(key)))));
    assertFalse(FormKey.matches(request(key, Map.of())), "no field");
    assertFalse(
        FormKey.matches(request(null, Map.of(FormKey.FIELD, FormKey.fieldFor(key)))), "no cookie");
    assertFalse(
        FormKey.matches(
            request(key, Map.of(FormKey.FIELD, FormKey.fieldFor(OpaqueTokens.generate())))),
        "another key's field");
    assertFalse(
        FormKey.matches(request(key, Map.of(FormKey.FIELD, key))),
        "the key itself is not the field");
    assertFalse(
        FormKey.matches(
            request("not a token", Map.of(FormKey.FIELD, FormKey.fieldFor("not a token")))),
        "a cookie of the wrong shape is no key");
  }

  private static HttpServletRequest request(String key, Map<String, String> parameters) {
    Map<String, String> params = new HashMap<>(parameters);
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FormKeyTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getCookies" ->
                      key == null ? null : new Cookie[] {new Cookie(FormKey.COOKIE_NAME, key)};
                  case "getParameter" -> params.get((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static HttpServletResponse response(List<String> setCookies) {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            FormKeyTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                setCookies.add((String) args[1]);
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
