package io.recoveryportal.helpdesk.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A bearer token the portal's webhook token endpoint gave Incode: only its SHA-256 is kept, in the
 * database so that any node accepts a token another node issued.
 */
@Entity
@Table(name = "webhook_token")
public class WebhookToken {

  @Id
  @SequenceGenerator(
      name = "webhook_token_seq",
      sequenceName = "webhook_token_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_token_seq")
  private Long id;

  @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
  private String tokenHash;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  protected WebhookToken() {
    // for JPA
  }

  public WebhookToken(String tokenHash, Instant issuedAt, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
