package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.recoveryportal.sandbox.IncodeProvider;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * What a browser sees of the authorization request to Incode (issue 10, section 2): for an unknown,
 * a disabled, a privileged, a never-verified and a verified-before address it is the same request,
 * with and without pushed authorization requests, and with and without a device cookie of someone
 * else's; only the browser whose device cookie proves a verification for the typed account is sent
 * to face re-authentication.
 *
 * <p>Each address is started four times at most ({@link TestEnvironment#PER_ACCOUNT_PER_DAY} allows
 * it).
 */
class AuthorizeRequestIT {

  /**
   * The address kinds, each an account no other test verifies; the unknown one is new on every
   * start.
   */
  private static final String DISABLED = "omar.haddad@contoso.com";

  private static final String PRIVILEGED = "morgan.reed@contoso.com";
  private static final String NEVER_VERIFIED = "hana.helpdesk@contoso.com";

  /** Verified here in another browser session, so the portal's records know it. */
  private static final String VERIFIED_ELSEWHERE = "adam.admin@contoso.com";

  /** Verified here in this browser, whose device cookie then proves it. */
  private static final String THIS_BROWSERS = "sam.senior@contoso.com";

  private static final String FACE = "Face re-authentication";
  private static final String FULL = "Identity verification";

  private static WebDriver browser;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();

  @BeforeAll
  static void openBrowser() {
    browser = Browser.start();
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /**
   * What the browser saw: the authorization URL, the hint Incode was given (by URL or pushed) and
   * Incode's page.
   */
  private record Seen(String typed, URI url, String hint, String heading) {

    /**
     * The request with what differs on every request by design (state, nonce, challenge,
     * request_uri: each checked for its shape) and the typed address (checked to be the hint) taken
     * out, so that two addresses' requests can be compared whole.
     */
    Map<String, String> shape() {
      Map<String, String> out = new TreeMap<>();
      URLUtils.parseParameters(url.getRawQuery())
          .forEach(
              (k, v) -> {
                assertEquals(1, v.size(), () -> k + " once: " + url);
                out.put(
                    k,
                    switch (k) {
                      case "state", "nonce", "code_challenge" ->
                          v.get(0).matches("[A-Za-z0-9_-]{43}") ? "<random>" : v.get(0);
                      case "request_uri" ->
                          v.get(0).matches("urn:ietf:params:oauth:request_uri:[A-Za-z0-9_-]{43}")
                              ? "<reference>"
                              : v.get(0);
                      case "login_hint" -> v.get(0).equals(typed) ? "<typed>" : v.get(0);
                      default -> v.get(0);
                    });
              });
      out.put("#endpoint", url.getScheme() + "://" + url.getAuthority() + url.getPath());
      return out;
    }
  }

  /**
   * "Continue" for {@code email}, up to Incode's page; the browser keeps whatever cookies it has.
   */
  private Seen start(String email) {
    int pushedBefore = sandbox.incode().pushedRequests().size();
    browser.get(portal.baseUrl() + "/?email=" + email + "&action=password");
    browser.findElement(By.id("start:continue")).click();
    browser.findElement(By.id("back:verify")).click();
    Browser.awaitUrl(browser, sandbox.incodeIssuer());
    URI url = URI.create(browser.getCurrentUrl());
    List<IncodeProvider.PushedRequest> pushed = sandbox.incode().pushedRequests();
    String hint =
        url.getRawQuery().contains("request_uri=")
            ? pushed.subList(pushedBefore, pushed.size()).stream()
                .reduce((a, b) -> b)
                .orElseThrow()
                .request()
                .loginHint()
            : URLUtils.parseParameters(url.getRawQuery()).get("login_hint").get(0);
    return new Seen(email, url, hint, browser.findElement(By.tagName("h1")).getText());
  }

  private Seen startWithoutCookies(String email) {
    browser.manage().deleteAllCookies();
    return start(email);
  }

  private void finishVerified() {
    browser.findElement(By.id("outcome-VERIFIED")).click();
    browser.findElement(By.cssSelector("button[value=finish]")).click();
    Browser.awaitHeading(browser, "Choose a new password");
  }

  /**
   * Turns Incode's pushed authorization requests on or off and waits until the portal has read
   * discovery again.
   */
  private void pushedRequests(boolean offered) throws InterruptedException {
    sandbox.incode().advertisePushedAuthorizationRequests(offered);
    Thread.sleep(TestEnvironment.INCODE_DISCOVERY_MAX_AGE.toMillis() + 500);
  }

  private static String unknown() {
    return "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
  }

  /** Every request the same as the first; returns the shape they share. */
  private static Map<String, String> allAlike(Map<String, Seen> seen) {
    Map<String, String> first = null;
    for (var e : seen.entrySet()) {
      Map<String, String> shape = e.getValue().shape();
      if (first == null) {
        first = shape;
      }
      assertEquals(
          first, shape, "the request for " + e.getKey() + " differs: " + e.getValue().url());
      assertEquals(
          e.getValue().typed(),
          e.getValue().hint(),
          "Incode is told the typed address for " + e.getKey());
      assertTrue(e.getValue().heading().contains(FULL), e.getKey() + ": " + e.getValue().heading());
    }
    return first;
  }

  /**
   * Each kind of address from a browser without cookies, or from one holding {@code device} (and
   * nothing else).
   */
  private Map<String, Seen> everyKind(Cookie device) {
    Map<String, Seen> seen = new LinkedHashMap<>();
    for (String email :
        List.of(unknown(), DISABLED, PRIVILEGED, NEVER_VERIFIED, VERIFIED_ELSEWHERE)) {
      browser.manage().deleteAllCookies();
      if (device != null) {
        holding(device);
      }
      seen.put(email, start(email));
    }
    return seen;
  }

  /**
   * Puts the device cookie back into a browser without it (on the portal's origin, as the portal
   * set it).
   */
  private void holding(Cookie device) {
    browser.get(portal.baseUrl() + "/");
    browser
        .manage()
        .addCookie(
            new Cookie.Builder(device.getName(), device.getValue())
                .path("/")
                .isSecure(true)
                .isHttpOnly(true)
                .sameSite("Lax")
                .build());
    assertNotNull(
        browser.manage().getCookieNamed(device.getName()), "the browser holds the device cookie");
  }

  @Test
  void theAuthorizationRequestIsTheSameForEveryAddressUnlessTheBrowserProvesItsOwn()
      throws Exception {
    // the portal's records learn of two verified people: one in a browser session since forgotten,
    // one in this browser
    startWithoutCookies(VERIFIED_ELSEWHERE);
    finishVerified();
    startWithoutCookies(THIS_BROWSERS);
    finishVerified();
    Cookie device = browser.manage().getCookieNamed("__Host-device");
    assertNotNull(device, "this browser is remembered for " + THIS_BROWSERS);
    String samsIdentity =
        sandbox
            .incode()
            .identityIdOf(sandbox.directory().findByUpn(THIS_BROWSERS).orElseThrow().id());

    // with pushed requests (the sandbox's default): client_id and a reference only, for every
    // address
    assertTrue(sandbox.incode().advertisesPushedAuthorizationRequests());
    Map<String, String> pushed = allAlike(everyKind(null));
    assertEquals(
        java.util.Set.of("#endpoint", "client_id", "request_uri"),
        pushed.keySet(),
        pushed::toString);
    assertEquals(
        pushed, allAlike(everyKind(device)), "someone else's device cookie changes nothing");
    Seen own = start(THIS_BROWSERS);
    assertEquals(pushed, own.shape(), "even the proven browser's URL carries nothing more");
    assertEquals(samsIdentity, own.hint(), "the identity went to Incode server to server");
    assertTrue(own.heading().contains(FACE), own.heading());

    pushedRequests(false);
    try {
      // without: the whole request is in the URL, and the hint is the typed address for every
      // address
      Map<String, String> direct = allAlike(everyKind(null));
      assertEquals("<typed>", direct.get("login_hint"), direct::toString);
      assertTrue(
          direct.keySet().containsAll(List.of("state", "nonce", "code_challenge", "redirect_uri")),
          direct::toString);
      assertEquals(
          direct, allAlike(everyKind(device)), "someone else's device cookie changes nothing");
      Seen ownDirect = start(THIS_BROWSERS);
      assertEquals(
          samsIdentity,
          URLUtils.parseParameters(ownDirect.url().getRawQuery()).get("login_hint").get(0),
          "the proven browser's own account: the identity its verification proved, in the URL it already knows");
      assertTrue(ownDirect.heading().contains(FACE), ownDirect.heading());
    } finally {
      pushedRequests(true);
    }
  }
}
