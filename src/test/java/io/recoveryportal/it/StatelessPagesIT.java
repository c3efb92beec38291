package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The start page and the recovery page are stateless Faces views: no HTTP session is made for them,
 * and their forms are guarded by the browser's form key ({@code __Host-formkey} and a hidden field)
 * instead of view state. A post without the key, or with another browser's, is refused with the
 * portal's 400 page and changes nothing.
 */
class StatelessPagesIT {

  private static final Pattern FORM_KEY =
      Pattern.compile("name=\"formKey\" value=\"([0-9a-f]{64})\"");
  private static final Pattern SET_KEY = Pattern.compile("__Host-formkey=([A-Za-z0-9_-]{43});");

  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();

  @Test
  void theStartPageMakesNoSessionAndGivesTheBrowserAFormKey() {
    HttpResponse<String> r =
        Http.get(portal.baseUrl() + "/?email=an.nguyen%40contoso.com&action=password");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("value=\"stateless\""), "a stateless view");
    assertTrue(FORM_KEY.matcher(r.body()).find(), "the form carries the key's field");
    List<String> cookies = r.headers().allValues("Set-Cookie");
    assertTrue(
        cookies.stream()
            .anyMatch(
                c ->
                    c.startsWith("__Host-formkey=")
                        && c.contains("Secure")
                        && c.contains("HttpOnly")
                        && c.contains("SameSite=Lax")
                        && c.contains("Path=/")),
        cookies.toString());
    assertFalse(
        cookies.stream().anyMatch(c -> c.toUpperCase().contains("SESSION")),
        "no session: " + cookies);
    HttpResponse<String> recover = Http.get(portal.baseUrl() + "/recover.xhtml");
    assertEquals(200, recover.statusCode());
    assertFalse(
        recover.headers().allValues("Set-Cookie").stream()
            .anyMatch(c -> c.toUpperCase().contains("SESSION")));
  }

  @Test
  void aStartFormWithoutTheBrowsersKeyIsRefusedAndStartsNothing() {
    HttpResponse<String> page = Http.get(portal.baseUrl() + "/");
    Matcher set = SET_KEY.matcher(String.join("\n", page.headers().allValues("Set-Cookie")));
    assertTrue(set.find());
    Matcher field = FORM_KEY.matcher(page.body());
    assertTrue(field.find());
    String key = set.group(1);
    Map<String, String> form =
        Map.of(
            "start",
            "start",
            "start:email",
            "an.nguyen@contoso.com",
            "start:need",
            "password",
            "start:continue",
            "Continue",
            "jakarta.faces.ViewState",
            "stateless");
    // no key at all, a cookie without the field, the field without the cookie, another browser's
    // field
    for (HttpResponse<String> forged :
        List.of(
            post("/index.xhtml", form, null, null),
            post("/index.xhtml", form, key, null),
            post("/index.xhtml", form, null, field.group(1)),
            post("/index.xhtml", form, key, "0".repeat(64)))) {
      assertEquals(400, forged.statusCode(), forged.body());
      assertTrue(forged.body().contains("We could not read that request"), forged.body());
    }
    HttpResponse<String> genuine = post("/index.xhtml", form, key, field.group(1));
    assertEquals(200, genuine.statusCode());
    assertTrue(genuine.body().contains("You are verifying for"), genuine.body());
  }

  @Test
  void aForgedPasswordPostChangesNothingAndTheGenuineFormStillWorks() {
    String upn = "an.nguyen@contoso.com";
    FlowDriver browser = new FlowDriver(portal.baseUrl());
    assertEquals("Choose a new password", browser.verify(upn, "password", "VERIFIED").heading());
    String attempt = browser.cookie("__Host-attempt").orElseThrow();
    String id = sandbox.directory().findByUpn(upn).orElseThrow().id();
    long writesBefore =
        sandbox.directory().writes().stream().filter(w -> w.userId().equals(id)).count();
    Map<String, String> form =
        Map.of(
            "password",
            "password",
            "password:new",
            "Forged-Lantern-Quokka-77",
            "password:confirm",
            "Forged-Lantern-Quokka-77",
            "password:save",
            "Set my new password",
            "jakarta.faces.ViewState",
            "stateless");
    // a page elsewhere posting with the person's attempt cookie (a sibling site can make the
    // browser send it) but no key
    HttpResponse<String> forged =
        Http.send(
            HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/recover.xhtml"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-attempt=" + attempt)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build());
    assertEquals(400, forged.statusCode());
    assertEquals(
        writesBefore,
        sandbox.directory().writes().stream().filter(w -> w.userId().equals(id)).count(),
        "nothing written");
    assertEquals("You are back in", browser.setPassword("Tidal-Orchard-Pelican-58").heading());
  }

  private HttpResponse<String> post(
      String path, Map<String, String> form, String keyCookie, String keyField) {
    Map<String, String> fields = new java.util.LinkedHashMap<>(form);
    if (keyField != null) {
      fields.put("formKey", keyField);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
    if (keyCookie != null) {
      b.header("Cookie", "__Host-formkey=" + keyCookie);
    }
    return Http.send(b.build());
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
