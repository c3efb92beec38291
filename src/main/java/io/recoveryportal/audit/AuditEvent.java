package io.recoveryportal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the audit trail: who did what to which attempt or account, and the true reason (for
 * example the real cause of a refusal the employee only saw as "we could not verify you"). Never a
 * secret or document data. Type, outcome and the actor's kind are enums stored by name; the
 * README's "The audit trail" lists the fields.
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

  @Enumerated(EnumType.STRING)
  @Column(name = "event_type", nullable = false, length = 60, updatable = false)
  private AuditType type;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_kind", nullable = false, length = 20, updatable = false)
  private ActorKind actorKind;

  @Column(name = "actor_id", length = 64, updatable = false)
  private String actorId;

  @Column(name = "attempt_id", updatable = false)
  private Long attemptId;

  @Column(name = "directory_user_id", length = 64, updatable = false)
  private String directoryUserId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40, updatable = false)
  private AuditOutcome outcome;

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

  public AuditEvent(
      Instant occurredAt,
      AuditType type,
      Actor actor,
      Long attemptId,
      String directoryUserId,
      AuditOutcome outcome,
      String detail) {
    // the database keeps microseconds: the hash must cover what is stored
    this.occurredAt = occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    this.type = type;
    this.actorKind = actor.kind();
    this.actorId = actor.id();
    this.attemptId = attemptId;
    this.directoryUserId = directoryUserId;
    this.outcome = outcome;
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
  }

  /**
   * Puts the event at {@code seq} after {@code prevHash} and computes its hash; its id must be set
   * (persisted).
   */
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
    return java.util.Arrays.asList(
        id.toString(),
        occurredAt.toString(),
        type.name(),
        actorKind.name(),
        actorId,
        attemptId == null ? null : attemptId.toString(),
        directoryUserId,
        outcome.name(),
        detail);
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

  public AuditType getType() {
    return type;
  }

  public Actor getActor() {
    return new Actor(actorKind, actorId);
  }

  public Long getAttemptId() {
    return attemptId;
  }

  public String getDirectoryUserId() {
    return directoryUserId;
  }

  public AuditOutcome getOutcome() {
    return outcome;
  }

  public String getDetail() {
    return detail;
  }
}
