package io.recoveryportal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.recoveryportal.oidc.PendingAuthorization;
import io.recoveryportal.staff.StaffSignInException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forged, foreign and misdirected ID tokens in the token response, through {@link ForgingEntra}:
 * each must be refused, and the untouched relay must sign in, so the refusals are the forgeries'
 * doing.
 */
class StaffTokenTamperTest {

  private static final Instant NOW = Instant.parse("2025-03-04T09:00:00Z");

  private static StaffFixture fx;
  private static ForgingEntra forging;
  private static StaffSignIn signIn;

  @BeforeAll
  static void start() throws Exception {
    fx = StaffFixture.start();
    forging = new ForgingEntra(fx.sandbox, fx.tls);
    Map<String, String> config = fx.config();
    config.put("staff.issuer", forging.issuer());
    signIn = fx.signIn(config);
  }

  @AfterAll
  static void stop() {
    forging.close();
    fx.close();
  }

  @BeforeEach
  void genuine() {
    forging.forgeWith(ForgingEntra.GENUINE);
  }

  private static StaffPrincipal signInAsRita() throws Exception {
    PendingAuthorization p = signIn.begin();
    return signIn.complete(
        fx.pick(forging.toSandbox(p.authorizationUri()), fx.idOf("rita.reviewer@contoso.com")),
        p,
        NOW);
  }

  /**
   * Refused for the expected reason, and for the check named (so not by accident of another one).
   */
  private static void refused(ForgingEntra.Forger forger, Reason reason, String check) {
    forging.forgeWith(forger);
    StaffSignInException e =
        assertThrows(StaffSignInException.class, StaffTokenTamperTest::signInAsRita);
    assertEquals(reason, e.reason(), e::getMessage);
    assertTrue(e.getMessage().contains(check), e::getMessage);
    assertFalse(e.getMessage().contains("eyJ"), "no token in the message");
  }

  private static ForgingEntra.Forger changed(
      java.util.function.UnaryOperator<JWTClaimsSet.Builder> change) {
    return (claims, sandbox) ->
        sandbox
            .entraKeys()
            .sign(change.apply(new JWTClaimsSet.Builder(claims)).build(), JOSEObjectType.JWT);
  }

  @Test
  void theUntouchedRelaySignsIn() throws Exception {
    assertEquals(Set.of(StaffRole.REVIEWER), signInAsRita().roles());
  }

  @Test
  void aTokenSignedByAnotherKeyUnderEntrasKeyIdIsRefused() {
    refused(
        (claims, sandbox) -> {
          try {
            RSAKey foreign =
                new RSAKeyGenerator(2048).keyID(sandbox.entraKeys().currentKeyId()).generate();
            SignedJWT jwt =
                new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreign.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(foreign));
            return jwt.serialize();
          } catch (Exception x) {
            throw new IllegalStateException(x);
          }
        },
        Reason.REFUSED,
        "Invalid signature");
  }

  @Test
  void rolesAddedAfterSigningAreRefused() {
    refused(
        (claims, sandbox) -> {
          String[] parts = sandbox.entraKeys().sign(claims, JOSEObjectType.JWT).split("\\.");
          JWTClaimsSet elevated =
              new JWTClaimsSet.Builder(claims).claim("roles", List.of("Reviewer", "Admin")).build();
          return parts[0]
              + "."
              + Base64URL.encode(elevated.toString().getBytes(StandardCharsets.UTF_8))
              + "."
              + parts[2];
        },
        Reason.REFUSED,
        "Invalid signature");
  }

  @Test
  void anUnsignedTokenIsRefused() {
    refused(
        (claims, sandbox) -> new PlainJWT(claims).serialize(),
        Reason.REFUSED,
        "Signed ID token expected");
  }

  @Test
  void aTokenMacedWithTheClientSecretIsRefused() {
    // key confusion: the one secret an attacker who stole the portal's configuration would have
    refused(
        (claims, sandbox) -> {
          try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            String secret = sandbox.credentials().portalClientSecret();
            jwt.sign(new MACSigner((secret + secret).getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
          } catch (Exception x) {
            throw new IllegalStateException(x);
          }
        },
        Reason.REFUSED,
        "Another algorithm expected");
  }

  @Test
  void aTokenFromAnotherIssuerWithEntrasOwnKeysIsRefused() {
    // Entra signs every tenant's tokens with the same keys: the issuer is what tells them apart
    refused(
        changed(b -> b.issuer(fx.sandbox.entra().issuerV2())),
        Reason.REFUSED,
        "Unexpected JWT issuer");
    refused(
        changed(b -> b.issuer(fx.sandbox.entra().issuerV1())),
        Reason.REFUSED,
        "Unexpected JWT issuer");
  }

  @Test
  void aTokenOfAnotherTenantIsRefused() {
    refused(
        changed(b -> b.claim("tid", UUID.randomUUID().toString())),
        Reason.WRONG_TENANT,
        "another tenant");
    refused(changed(b -> b.claim("tid", null)), Reason.WRONG_TENANT, "another tenant");
  }

  @Test
  void aTokenForAnotherApplicationIsRefused() {
    refused(
        changed(b -> b.audience(UUID.randomUUID().toString())),
        Reason.REFUSED,
        "Unexpected JWT audience");
  }

  @Test
  void aTokenAlsoForAnotherApplicationIsRefused() {
    // OpenID Connect Core §3.1.3.7 step 3: an audience the portal does not trust, with no azp to
    // say who it is for
    String other = UUID.randomUUID().toString();
    refused(
        changed(
            b ->
                b.audience(List.of(fx.sandbox.credentials().portalClientId(), other))
                    .claim("azp", null)),
        Reason.REFUSED,
        "audience");
    refused(
        changed(
            b ->
                b.audience(List.of(other, fx.sandbox.credentials().portalClientId()))
                    .claim("azp", null)),
        Reason.REFUSED,
        "audience");
  }

  @Test
  void anExpiredTokenIsRefused() {
    Date past = Date.from(Instant.now().minusSeconds(3600));
    refused(
        changed(
            b ->
                b.issueTime(past)
                    .notBeforeTime(past)
                    .expirationTime(Date.from(Instant.now().minusSeconds(600)))),
        Reason.REFUSED,
        "Expired JWT");
  }

  @Test
  void aTokenForAnotherSignInIsRefused() {
    refused(changed(b -> b.claim("nonce", "another-sign-in")), Reason.REFUSED, "nonce");
  }

  @Test
  void aTokenWithoutAnObjectIdIsRefused() {
    refused(changed(b -> b.claim("oid", null)), Reason.REFUSED, "no oid");
  }
}
