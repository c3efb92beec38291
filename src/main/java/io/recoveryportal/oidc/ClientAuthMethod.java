package io.recoveryportal.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

/** How the relying party authenticates at the token endpoint, by its registered OAuth name. */
public enum ClientAuthMethod {
  CLIENT_SECRET_BASIC,
  CLIENT_SECRET_POST,
  /** An HS256 assertion keyed with the client secret, new (fresh jti) for every request. */
  CLIENT_SECRET_JWT;

  /** HS256 needs a key of at least 256 bits; a shorter secret cannot sign the assertion. */
  static final int MIN_JWT_SECRET_BYTES = 32;

  /**
   * {@code client_secret_basic}, as in discovery's {@code token_endpoint_auth_methods_supported}.
   */
  public String oauthName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a configuration value such as {@code client_secret_post}. */
  public static ClientAuthMethod fromOAuthName(String value) {
    return Arrays.stream(values())
        .filter(m -> m.oauthName().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unsupported client authentication '"
                        + value
                        + "'; use client_secret_basic, client_secret_post or client_secret_jwt"));
  }

  /**
   * The authentication for one token request; {@code tokenEndpoint} is the assertion's audience.
   */
  ClientAuthentication authentication(ClientID clientId, Secret secret, URI tokenEndpoint) {
    return switch (this) {
      case CLIENT_SECRET_BASIC -> new ClientSecretBasic(clientId, secret);
      case CLIENT_SECRET_POST -> new ClientSecretPost(clientId, secret);
      case CLIENT_SECRET_JWT -> {
        try {
          yield new ClientSecretJWT(clientId, tokenEndpoint, JWSAlgorithm.HS256, secret);
        } catch (JOSEException e) {
          // OidcSettings refuses secrets too short for HS256, so this is a bug, not a runtime
          // condition
          throw new IllegalStateException("cannot sign the client assertion", e);
        }
      }
    };
  }
}
