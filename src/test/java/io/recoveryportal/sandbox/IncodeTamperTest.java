package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.recoveryportal.sandbox.IncodeProvider.Tamper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every tamper mode of the sandbox's Incode either makes a correctly configured Nimbus ID-token
 * validator refuse the token, or produces the difference the portal itself has to notice.
 */
class IncodeTamperTest {

  private static final String CALLBACK = "http://localhost:8080/verify/callback";
  private static final Map<String, String> VERIFIED =
      Map.of("outcome", "VERIFIED", "action", "finish");

  private static Sandbox sandbox;
  private static OidcRelyingParty rp;
  private static IDTokenValidator validator;

  @BeforeAll
  static void start() throws Exception {
    sandbox = OidcRelyingParty.startSandbox();
    rp = OidcRelyingParty.incode(sandbox, CALLBACK);
    validator = rp.validator();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private record Verified(OidcRelyingParty.Attempt attempt, OIDCTokenResponse tokens) {}

  private static Verified verifyWith(Tamper mode) throws Exception {
    sandbox.incode().tamperNext(mode);
    var a = rp.begin("jane.smith@contoso.com");
    return new Verified(a, rp.tokens(a, rp.choose(a, VERIFIED)));
  }

  @ParameterizedTest
  @EnumSource(
      names = {
        "BAD_SIGNATURE",
        "UNKNOWN_KID",
        "ALG_NONE",
        "HS256_WITH_CLIENT_SECRET",
        "WRONG_ISSUER",
        "WRONG_AUDIENCE",
        "EXPIRED",
        "ISSUED_IN_FUTURE",
        "WRONG_NONCE"
      })
  void theValidatorRefuses(Tamper mode) throws Exception {
    Verified v = verifyWith(mode);
    Exception e =
        assertThrows(
            Exception.class,
            () -> validator.validate(v.tokens().getOIDCTokens().getIDToken(), v.attempt().nonce()));
    assertTrue(e instanceof BadJOSEException || e instanceof JOSEException, e.toString());
    // refused for the reason the mode is about, not by accident
    String reason =
        switch (mode) {
          case BAD_SIGNATURE -> "Invalid signature";
          case UNKNOWN_KID, HS256_WITH_CLIENT_SECRET -> "no matching key";
          case ALG_NONE -> "Signed ID token expected";
          case WRONG_ISSUER -> "issuer";
          case WRONG_AUDIENCE -> "audience";
          case EXPIRED -> "Expired";
          case ISSUED_IN_FUTURE -> "issue time ahead";
          default -> "nonce";
        };
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertEquals(mode, sandbox.incode().lastIssued().orElseThrow().tamper());

    Verified next = verifyWith(Tamper.NONE);
    validator.validate(next.tokens().getOIDCTokens().getIDToken(), next.attempt().nonce());
  }

  @Test
  void anExtraAudienceWithoutAzpPassesNimbusAlone() throws Exception {
    // why the portal checks the audience itself (OpenID Connect Core §3.1.3.7 step 3)
    Verified v = verifyWith(Tamper.EXTRA_AUDIENCE);
    IDTokenClaimsSet id =
        validator.validate(v.tokens().getOIDCTokens().getIDToken(), v.attempt().nonce());
    assertEquals(
        List.of(rp.clientId.getValue(), IncodeProvider.EXTRA_AUDIENCE),
        id.getAudience().stream().map(Object::toString).toList());
    assertNull(id.getAuthorizedParty());
  }

  @Test
  void aMissingStatusValidatesButCarriesNoStatus() throws Exception {
    Verified v = verifyWith(Tamper.MISSING_STATUS);
    IDTokenClaimsSet id =
        validator.validate(v.tokens().getOIDCTokens().getIDToken(), v.attempt().nonce());
    assertNull(id.getClaim("auth_overall_status"));
  }

  @Test
  void anUnknownStatusValidatesButIsNoneOfIncodesThree() throws Exception {
    Verified v = verifyWith(Tamper.UNKNOWN_STATUS);
    IDTokenClaimsSet id =
        validator.validate(v.tokens().getOIDCTokens().getIDToken(), v.attempt().nonce());
    assertEquals(IncodeProvider.UNKNOWN_STATUS, id.getStringClaim("auth_overall_status"));
  }

  @Test
  void userinfoCanAnswerForAnotherSubject() throws Exception {
    Verified v = verifyWith(Tamper.USERINFO_SUB_MISMATCH);
    IDTokenClaimsSet id =
        validator.validate(v.tokens().getOIDCTokens().getIDToken(), v.attempt().nonce());
    UserInfo u =
        rp.userinfo(v.tokens().getOIDCTokens().getBearerAccessToken())
            .toSuccessResponse()
            .getUserInfo();
    assertNotEquals(id.getSubject(), u.getSubject());
  }

  @Test
  void userinfoCanPutTheFullNameInGivenName() throws Exception {
    Verified v = verifyWith(Tamper.GIVEN_NAME_IS_FULL_NAME);
    UserInfo u =
        rp.userinfo(v.tokens().getOIDCTokens().getBearerAccessToken())
            .toSuccessResponse()
            .getUserInfo();
    assertEquals("JANE SMITH", u.getName());
    assertEquals("JANE SMITH", u.getGivenName());
  }

  @Test
  void aSlowTokenEndpointTimesTheClientOut() throws Exception {
    sandbox.incode().slowTokenDelay(Duration.ofSeconds(2));
    sandbox.incode().tamperNext(Tamper.SLOW_TOKEN_ENDPOINT);
    var a = rp.begin("jane.smith@contoso.com");
    AuthorizationCode code = rp.code(a, rp.choose(a, VERIFIED));
    TokenRequest request =
        new TokenRequest(
            rp.op.getTokenEndpointURI(),
            rp.basic(),
            new AuthorizationCodeGrant(code, rp.callback, a.verifier()));
    long t0 = System.nanoTime();
    assertThrows(IOException.class, () -> rp.exchange(request, 500));
    assertTrue(
        System.nanoTime() - t0 < 1_900_000_000L, "the client gave up before the sandbox answered");
    assertEquals(Tamper.NONE, sandbox.incode().pendingTamper(), "only one response is slowed");
  }

  @Test
  void theControlEndpointSetsATamperMode() throws Exception {
    var r =
        rp.postForm(
            URI.create(sandbox.httpBase() + "/control/incode/tamper?mode=wrong_nonce"), Map.of());
    assertEquals(200, r.statusCode());
    assertEquals(Tamper.WRONG_NONCE, sandbox.incode().pendingTamper());
    var a = rp.begin("jane.smith@contoso.com");
    OIDCTokenResponse tokens = rp.tokens(a, rp.choose(a, VERIFIED));
    assertThrows(
        BadJOSEException.class,
        () -> validator.validate(tokens.getOIDCTokens().getIDToken(), a.nonce()));
    assertFalse(
        rp.postForm(URI.create(sandbox.httpBase() + "/control/incode/tamper?mode=bogus"), Map.of())
                .statusCode()
            == 200);
  }
}
