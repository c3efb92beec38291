package io.recoveryportal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.recoveryportal.oidc.PendingAuthorization;
import io.recoveryportal.sandbox.CodeFlow;
import io.recoveryportal.staff.StaffSignInException.Reason;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staff adapter over HTTPS against the sandbox's Entra: who signs in with which roles, and what
 * is refused.
 */
class StaffSignInContractTest {

  private static final Instant NOW = Instant.parse("2025-03-04T09:00:00Z");

  private static StaffFixture fx;
  private static StaffSignIn signIn;

  @BeforeAll
  static void start() throws Exception {
    fx = StaffFixture.start();
    signIn = fx.signIn(fx.config());
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static StaffPrincipal signInAs(StaffSignIn adapter, String email) throws Exception {
    PendingAuthorization p = adapter.begin();
    return adapter.complete(fx.pick(p, email), p, NOW);
  }

  @Test
  void aReviewerSignsInWithTheirObjectIdNamesAndRole() throws Exception {
    StaffPrincipal rita = signInAs(signIn, "rita.reviewer@contoso.com");
    assertEquals(fx.idOf("rita.reviewer@contoso.com"), rita.oid());
    assertEquals("rita.reviewer@contoso.com", rita.username());
    assertEquals("Rita Ramos", rita.name());
    assertEquals(Set.of(StaffRole.REVIEWER), rita.roles());
    assertEquals(NOW, rita.signedInAt());
    assertEquals(NOW, rita.lastSeen());
    assertEquals(io.recoveryportal.audit.Actor.staff(rita.oid()), rita.actor());
    assertEquals("staff:" + rita.oid(), rita.actor().label());
    assertFalse(rita.toString().contains("Rita"), "no name in toString");
  }

  @Test
  void eachStaffUserGetsExactlyTheirRoles() throws Exception {
    assertEquals(
        Set.of(StaffRole.REVIEWER, StaffRole.SENIOR_REVIEWER),
        signInAs(signIn, "sam.senior@contoso.com").roles());
    assertEquals(Set.of(StaffRole.HELPDESK), signInAs(signIn, "hana.helpdesk@contoso.com").roles());
    StaffPrincipal adam = signInAs(signIn, "adam.admin@contoso.com");
    assertEquals(Set.of(StaffRole.ADMIN), adam.roles());
    assertEquals("Adam Abbott", adam.name());
  }

  @Test
  void aPersonWithoutAnyAppRoleIsRefusedButNamed() throws Exception {
    PendingAuthorization p = signIn.begin();
    URI callback = fx.pick(p, "jane.smith@contoso.com");
    StaffSignInException e =
        assertThrows(StaffSignInException.class, () -> signIn.complete(callback, p, NOW));
    assertEquals(Reason.NO_ROLE, e.reason());
    assertEquals(fx.idOf("jane.smith@contoso.com"), e.oid(), "the audit trail can say who tried");
  }

  @Test
  void theAuthorizationRequestGoesToTheTenantWithStateNoncePkceAndTheStaffCallback()
      throws Exception {
    PendingAuthorization p = signIn.begin();
    String base = fx.sandbox.entraAuthorityHost() + "/" + fx.sandbox.credentials().tenantId();
    assertTrue(
        p.authorizationUri().toString().startsWith(base + "/oauth2/v2.0/authorize?"),
        p.authorizationUri()::toString);
    Map<String, List<String>> q = URLUtils.parseParameters(p.authorizationUri().getRawQuery());
    assertEquals(List.of("openid profile email"), q.get("scope"));
    assertEquals(List.of(fx.sandbox.credentials().portalClientId()), q.get("client_id"));
    assertEquals(List.of(StaffFixture.PORTAL + "/staff/callback"), q.get("redirect_uri"));
    assertEquals(List.of(p.state()), q.get("state"));
    assertEquals(List.of(p.nonce()), q.get("nonce"));
    assertEquals(List.of("S256"), q.get("code_challenge_method"));
    assertFalse(q.containsKey("login_hint"));
    assertFalse(
        p.authorizationUri().toString().contains(p.codeVerifier()), "only the challenge travels");
  }

  @Test
  void aCallbackForAnotherSignInIsRefusedWithoutRedeemingTheCode() throws Exception {
    PendingAuthorization mine = signIn.begin();
    PendingAuthorization theirs = signIn.begin();
    URI theirCallback = fx.pick(theirs, "adam.admin@contoso.com");
    StaffSignInException e =
        assertThrows(StaffSignInException.class, () -> signIn.complete(theirCallback, mine, NOW));
    assertEquals(Reason.STATE_MISMATCH, e.reason());
    // the code was not spent on the refused callback: its own sign-in still completes
    assertEquals(Set.of(StaffRole.ADMIN), signIn.complete(theirCallback, theirs, NOW).roles());
  }

  @Test
  void aReplayedCallbackIsRefused() throws Exception {
    PendingAuthorization p = signIn.begin();
    URI callback = fx.pick(p, "rita.reviewer@contoso.com");
    signIn.complete(callback, p, NOW);
    StaffSignInException e =
        assertThrows(StaffSignInException.class, () -> signIn.complete(callback, p, NOW));
    assertEquals(Reason.REFUSED, e.reason(), "the code is single-use");
  }

  @Test
  void anotherTenantIdCannotEvenStart() {
    Map<String, String> config = fx.config();
    config.put("entra.tenant-id", UUID.randomUUID().toString());
    StaffSignInException e =
        assertThrows(StaffSignInException.class, () -> fx.signIn(config).begin());
    assertEquals(Reason.UNAVAILABLE, e.reason(), "Entra knows no such tenant: " + e.getMessage());
  }

  @Test
  void aValidTokenOfAnotherTenantIsRefused() throws Exception {
    // the issuer stays the sandbox tenant's (as staff.issuer may be set), but the portal is
    // configured for another
    Map<String, String> config = fx.config();
    config.put("staff.issuer", fx.sandbox.entra().issuerV2());
    config.put("entra.tenant-id", UUID.randomUUID().toString());
    StaffSignIn other = fx.signIn(config);
    PendingAuthorization p = other.begin();
    URI callback = fx.pick(p, "adam.admin@contoso.com");
    StaffSignInException e =
        assertThrows(StaffSignInException.class, () -> other.complete(callback, p, NOW));
    assertEquals(Reason.WRONG_TENANT, e.reason());
  }

  @Test
  void aWrongClientSecretIsRefusedAtTheTokenEndpoint() throws Exception {
    Map<String, String> config = fx.config();
    config.put("entra.client-secret", "not-the-secret");
    StaffSignIn wrong = fx.signIn(config);
    PendingAuthorization p = wrong.begin();
    URI callback = fx.pick(p, "rita.reviewer@contoso.com");
    StaffSignInException e =
        assertThrows(StaffSignInException.class, () -> wrong.complete(callback, p, NOW));
    assertEquals(Reason.REFUSED, e.reason());
    assertFalse(e.getMessage().contains("not-the-secret"));
  }

  @Test
  void aCancelledSignInIsCancelled() throws Exception {
    PendingAuthorization p = signIn.begin();
    URI cancelled =
        URI.create(StaffFixture.PORTAL + "/staff/callback?error=access_denied&state=" + p.state());
    assertEquals(
        Reason.CANCELLED,
        assertThrows(StaffSignInException.class, () -> signIn.complete(cancelled, p, NOW))
            .reason());
  }

  // ---- the authorization response's issuer (RFC 9207) ----

  @Test
  void aCallbackNamingAnotherIssuerIsRefusedBeforeTheCodeIsSpent() throws Exception {
    // Entra advertises no iss parameter; one that is there must still be Entra's
    PendingAuthorization p = signIn.begin();
    fx.sandbox.entra().tamperNextResponse(CodeFlow.ResponseTamper.WRONG_ISS);
    URI callback = fx.pick(p, "rita.reviewer@contoso.com");
    assertTrue(callback.getRawQuery().contains("iss="), callback::toString);
    StaffSignInException e =
        assertThrows(StaffSignInException.class, () -> signIn.complete(callback, p, NOW));
    assertEquals(Reason.REFUSED, e.reason());
    assertTrue(e.getMessage().contains("iss"), e::getMessage);
    URI withoutIss = URI.create(callback.toString().replaceAll("&iss=[^&]*", ""));
    assertEquals(
        Set.of(StaffRole.REVIEWER),
        signIn.complete(withoutIss, p, NOW).roles(),
        "the code was not spent");
  }

  @Test
  void whenEntraAdvertisesTheIssParameterACallbackWithoutItIsRefused() throws Exception {
    fx.sandbox.entra().issParameter(true);
    try {
      StaffSignIn rediscovered = fx.signIn(fx.config());
      assertEquals(
          Set.of(StaffRole.REVIEWER),
          signInAs(rediscovered, "rita.reviewer@contoso.com").roles(),
          "with iss: fine");
      PendingAuthorization p = rediscovered.begin();
      fx.sandbox.entra().tamperNextResponse(CodeFlow.ResponseTamper.OMIT_ISS);
      URI callback = fx.pick(p, "rita.reviewer@contoso.com");
      StaffSignInException e =
          assertThrows(StaffSignInException.class, () -> rediscovered.complete(callback, p, NOW));
      assertEquals(Reason.REFUSED, e.reason());
      assertTrue(e.getMessage().contains("iss"), e::getMessage);
    } finally {
      fx.sandbox.entra().issParameter(false);
    }
  }
}
