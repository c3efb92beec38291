package io.recoveryportal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the audit trail: who did what to which attempt or account, and the true reason (for example the
 * real cause of a refusal the employee only saw as "we could not verify you"). Never a secret or document data.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "event_type", nullable = false, length = 60, updatable = false)
    private String type;

    @Column(nullable = false, length = 200, updatable = false)
    private String actor;

    @Column(name = "attempt_id", updatable = false)
    private Long attemptId;

    @Column(name = "directory_user_id", length = 64, updatable = false)
    private String directoryUserId;

    @Column(nullable = false, length = 40, updatable = false)
    private String outcome;

    @Column(length = 2000, updatable = false)
    private String detail;

    /** The event's place in the cluster's one chain ({@link AuditChain}). */
    @Column(name = "chain_seq", updatable = false)
    private Long chainSeq;

    @Column(name = "prev_hash", length = 64, updatable = false)
    private String prevHash;

    @Column(name = "event_hash", length = 64, updatable = false)
    private String eventHash;

    protected AuditEvent() {
        // for JPA
    }

    public AuditEvent(Instant occurredAt, String type, String actor, Long attemptId, String directoryUserId,
            String outcome, String detail) {
        // the database keeps microseconds: the hash must cover what is stored
        this.occurredAt = occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.type = type;
        this.actor = actor;
        this.attemptId = attemptId;
        this.directoryUserId = directoryUserId;
        this.outcome = outcome;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    /** Puts the event at {@code seq} after {@code prevHash} and computes its hash; its id must be set (persisted). */
    void link(long seq, String prevHash) {
        if (id == null) {
            throw new IllegalStateException("an event is linked once persisted, when its id is known");
        }
        this.chainSeq = seq;
        this.prevHash = prevHash;
        this.eventHash = AuditChain.hash(seq, prevHash, chainedValues());
    }

    /** The {@link AuditChain#COLUMNS} of this event, as the database will hold them. */
    java.util.List<String> chainedValues() {
        return java.util.Arrays.asList(id.toString(), occurredAt.toString(), type, actor,
                attemptId == null ? null : attemptId.toString(), directoryUserId, outcome, detail);
    }

    public Long getChainSeq() {
        return chainSeq;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getEventHash() {
        return eventHash;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getType() {
        return type;
    }

    public String getActor() {
        return actor;
    }

    public Long getAttemptId() {
        return attemptId;
    }

    public String getDirectoryUserId() {
        return directoryUserId;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }
}
