package io.recoveryportal.recovery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to recover (or activate) an account. Its state only moves through {@link #moveTo}, which checks
 * the expected current state; together with the version column this makes a replayed callback or a second
 * node's concurrent step fail instead of performing a reset twice.
 */
@Entity
@Table(name = "attempt")
public class Attempt {

    public enum Kind { RECOVERY, ACTIVATION, HELPDESK }

    public enum RequestedAction { PASSWORD, MFA, BOTH }

    public enum State { STARTED, VERIFYING, VERIFIED, MATCHED, ESCALATED, APPROVED, DENIED, COMPLETED, FAILED, EXPIRED }

    @Id
    @SequenceGenerator(name = "attempt_seq", sequenceName = "attempt_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attempt_seq")
    private Long id;

    @Column(name = "id_hash", nullable = false, length = 64, updatable = false)
    private String idHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_action", nullable = false)
    private RequestedAction requestedAction;

    @Column(name = "claimed_email", length = 254)
    private String claimedEmail;

    @Column(name = "directory_user_id", length = 64)
    private String directoryUserId;

    @Column(name = "incode_interview_id", length = 128)
    private String incodeInterviewId;

    @Column(name = "incode_identity_id", length = 128)
    private String incodeIdentityId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Version
    private long version;

    protected Attempt() {
        // for JPA
    }

    public Attempt(String idHash, Kind kind, RequestedAction action, String claimedEmail, Instant now, Duration lifetime) {
        this.idHash = Objects.requireNonNull(idHash);
        this.kind = Objects.requireNonNull(kind);
        this.requestedAction = Objects.requireNonNull(action);
        this.claimedEmail = claimedEmail;
        this.state = State.STARTED;
        this.createdAt = now;
        this.updatedAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    /**
     * Moves from {@code expected} to {@code next}. Throws when the attempt is elsewhere (a step out of order,
     * or one already taken) or has expired.
     */
    public void moveTo(State expected, State next, Instant now) {
        if (state != expected) {
            throw new IllegalStateException("attempt is " + state + ", not " + expected);
        }
        if (!now.isBefore(expiresAt)) {
            throw new IllegalStateException("attempt expired");
        }
        state = next;
        updatedAt = now;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public void bindDirectoryUser(String objectId) {
        this.directoryUserId = objectId;
    }

    public void recordVerification(String interviewId, String identityId) {
        this.incodeInterviewId = interviewId;
        this.incodeIdentityId = identityId;
    }

    public Long getId() {
        return id;
    }

    public String getIdHash() {
        return idHash;
    }

    public Kind getKind() {
        return kind;
    }

    public State getState() {
        return state;
    }

    public RequestedAction getRequestedAction() {
        return requestedAction;
    }

    public String getClaimedEmail() {
        return claimedEmail;
    }

    public String getDirectoryUserId() {
        return directoryUserId;
    }

    public String getIncodeInterviewId() {
        return incodeInterviewId;
    }

    public String getIncodeIdentityId() {
        return incodeIdentityId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public long getVersion() {
        return version;
    }
}
