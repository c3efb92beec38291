package io.recoveryportal.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token-endpoint client authentication with a shared secret, the three ways Incode offers it:
 * client_secret_basic, client_secret_post and client_secret_jwt (an HS256 assertion signed with the
 * secret, RFC 7523 and OpenID Connect Core §9).
 */
final class ClientSecretAuthentication {

  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /** Either the method the client used, or the OAuth error to answer with. */
  record Result(String method, int status, String error, String description) {

    boolean ok() {
      return error == null;
    }

    static Result refused(String description) {
      return new Result(null, 401, "invalid_client", description);
    }
  }

  private final String clientId;
  private final byte[] secret;
  private final List<String> acceptedAudiences;

  /** Assertion ids already seen, with their expiry: an assertion is good for one request only. */
  private final Map<String, Instant> seenAssertions = new HashMap<>();

  /**
   * {@code acceptedAudiences}: the token endpoint URL and the issuer (newer drafts prefer the
   * issuer).
   */
  ClientSecretAuthentication(String clientId, String secret, List<String> acceptedAudiences) {
    this.clientId = clientId;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.acceptedAudiences = List.copyOf(acceptedAudiences);
  }

  Result authenticate(HttpExchange ex, Map<String, String> form) {
    var basic = Http.basicCredentials(ex);
    boolean post = form.containsKey("client_secret");
    boolean jwt = form.containsKey("client_assertion");
    int methods = (basic.isPresent() ? 1 : 0) + (post ? 1 : 0) + (jwt ? 1 : 0);
    if (methods > 1) {
      return new Result(
          null, 400, "invalid_request", "Use exactly one client authentication method.");
    }
    if (basic.isPresent()) {
      return secretMatches(basic.get()[0], basic.get()[1], "client_secret_basic");
    }
    if (post) {
      return secretMatches(form.get("client_id"), form.get("client_secret"), "client_secret_post");
    }
    if (jwt) {
      return assertion(form);
    }
    return Result.refused("Client authentication is required.");
  }

  private Result secretMatches(String id, String given, String method) {
    boolean ok =
        clientId.equals(id)
            && given != null
            && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    return ok ? new Result(method, 200, null, null) : Result.refused("Invalid client credentials.");
  }

  private Result assertion(Map<String, String> form) {
    if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
      return Result.refused("client_assertion_type must be " + JWT_BEARER + ".");
    }
    JWTClaimsSet c;
    try {
      SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
      // only HS256 is offered; anything else, including "none", is refused before any key is tried
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(new MACVerifier(secret))) {
        return Result.refused("The client assertion signature is invalid.");
      }
      c = jwt.getJWTClaimsSet();
    } catch (ParseException | JOSEException e) {
      return Result.refused("The client assertion is not a valid JWT.");
    }
    String formClient = form.get("client_id");
    if (!clientId.equals(c.getIssuer())
        || !clientId.equals(c.getSubject())
        || (formClient != null && !formClient.equals(clientId))) {
      return Result.refused("The client assertion's iss and sub must be the client id.");
    }
    List<String> aud = c.getAudience() == null ? List.of() : new ArrayList<>(c.getAudience());
    if (aud.stream().noneMatch(acceptedAudiences::contains)) {
      return Result.refused("The client assertion's aud must be the token endpoint.");
    }
    Date exp = c.getExpirationTime();
    if (exp == null || !exp.toInstant().isAfter(Instant.now())) {
      return Result.refused("The client assertion has expired.");
    }
    String jti = c.getJWTID();
    if (jti == null) {
      return Result.refused("The client assertion needs a jti.");
    }
    synchronized (seenAssertions) {
      Instant now = Instant.now();
      seenAssertions.values().removeIf(e -> e.isBefore(now));
      if (seenAssertions.putIfAbsent(jti, exp.toInstant()) != null) {
        return Result.refused("The client assertion was already used.");
      }
    }
    return new Result("client_secret_jwt", 200, null, null);
  }
}
