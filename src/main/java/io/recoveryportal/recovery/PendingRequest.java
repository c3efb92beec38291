package io.recoveryportal.recovery;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * The secrets of the authorization request an attempt is waiting on: the SHA-256 of its {@code
 * state}, its nonce and its PKCE verifier. Single use: whoever claims the callback takes them and
 * the attempt forgets them (the columns are cleared), so a replayed callback finds nothing to check
 * against.
 */
@Embeddable
public class PendingRequest {

  @Column(name = "oidc_state_hash", length = 64)
  private String stateHash;

  @Column(name = "oidc_nonce", length = 128)
  private String nonce;

  @Column(name = "pkce_verifier", length = 128)
  private String codeVerifier;

  protected PendingRequest() {
    // for JPA
  }

  public PendingRequest(String stateHash, String nonce, String codeVerifier) {
    this.stateHash = Objects.requireNonNull(stateHash);
    this.nonce = nonce;
    this.codeVerifier = codeVerifier;
  }

  public String stateHash() {
    return stateHash;
  }

  public String nonce() {
    return nonce;
  }

  public String codeVerifier() {
    return codeVerifier;
  }

  @Override
  public String toString() {
    return "PendingRequest[…]";
  }
}
