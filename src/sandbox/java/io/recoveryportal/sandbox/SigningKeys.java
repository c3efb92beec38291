package io.recoveryportal.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An issuer's RS256 signing keys. {@link #rotate()} adds a new current key and keeps the previous
 * one published for a while, as real providers do, so tokens signed a moment ago still verify; the
 * oldest keys fall off the published set.
 */
public final class SigningKeys {

  private static final int PUBLISHED = 2;

  private final List<RSAKey> keys = new ArrayList<>();

  public SigningKeys() {
    rotate();
  }

  /** Makes a fresh key current; returns its key id. */
  public synchronized String rotate() {
    try {
      RSAKey k =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyID(UUID.randomUUID().toString())
              .generate();
      keys.add(0, k);
      while (keys.size() > PUBLISHED) {
        keys.remove(keys.size() - 1);
      }
      return k.getKeyID();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Drops every published key but the current one (a "hard" rotation: old tokens stop verifying).
   */
  public synchronized void forgetPrevious() {
    while (keys.size() > 1) {
      keys.remove(keys.size() - 1);
    }
  }

  public synchronized String currentKeyId() {
    return keys.get(0).getKeyID();
  }

  /** The public JWK Set, as served on a jwks_uri. */
  public synchronized Map<String, Object> publicJwks() {
    return new JWKSet(new ArrayList<>(keys)).toJSONObject(true);
  }

  public String sign(JWTClaimsSet claims) {
    return sign(claims, null);
  }

  /** Signs with the current key; {@code type} is the JOSE "typ" header or null. */
  public synchronized String sign(JWTClaimsSet claims, JOSEObjectType type) {
    RSAKey k = keys.get(0);
    try {
      JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID());
      if (type != null) {
        h.type(type);
      }
      SignedJWT jwt = new SignedJWT(h.build(), claims);
      jwt.sign(new RSASSASigner(k));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Verifies an RS256 JWT signed by one of the published keys and returns its claims, or null. */
  public synchronized JWTClaimsSet verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        return null;
      }
      for (RSAKey k : keys) {
        if (k.getKeyID().equals(jwt.getHeader().getKeyID()) && jwt.verify(new RSASSAVerifier(k))) {
          return jwt.getJWTClaimsSet();
        }
      }
      return null;
    } catch (ParseException | JOSEException e) {
      return null;
    }
  }
}
