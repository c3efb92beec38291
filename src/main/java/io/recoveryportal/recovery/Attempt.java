package io.recoveryportal.recovery;

import io.recoveryportal.matching.Outcome;
import io.recoveryportal.matching.RuleResult;
import io.recoveryportal.verification.ProofingStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One attempt to recover (or activate) an account. Its state only moves through {@link #moveTo},
 * which checks the expected current state; together with the version column this makes a replayed
 * callback or a second node's concurrent step fail instead of performing a reset twice.
 */
@Entity
@Table(name = "attempt")
@EntityListeners(AttemptMoves.class)
public class Attempt {

  /** The kinds of attempt; what differs between them is in each kind's {@link KindPolicy}. */
  public enum Kind {
    RECOVERY(new RecoveryPolicy()),
    ACTIVATION(new ActivationPolicy()),
    HELPDESK(new HelpdeskPolicy());

    private final KindPolicy policy;

    Kind(KindPolicy policy) {
      this.policy = policy;
    }

    public KindPolicy policy() {
      return policy;
    }
  }

  public enum RequestedAction {
    PASSWORD,
    MFA,
    BOTH
  }

  /**
   * STARTED → VERIFYING (sent to Incode) → VERIFIED (callback claimed, being checked) → MATCHED |
   * ESCALATED | FAILED | CANCELLED | INTERRUPTED; ESCALATED → APPROVED | DENIED; MATCHED or
   * APPROVED → RESETTING → COMPLETED (or back, when the directory could not be reached and the
   * person may retry). VERIFIED goes back to VERIFYING when Incode could not be reached before it
   * took the callback's code, so the same callback can be completed again; INTERRUPTED when Incode
   * failed after the code may have reached it (the person starts again).
   */
  public enum State {
    STARTED,
    VERIFYING,
    VERIFIED,
    MATCHED,
    ESCALATED,
    APPROVED,
    DENIED,
    RESETTING,
    COMPLETED,
    FAILED,
    CANCELLED,
    INTERRUPTED,
    EXPIRED;

    /**
     * Every move the flows make, and no other: {@link Attempt#moveTo} refuses the rest. RESETTING
     * to itself records a finished part or a reading of the directory; RESETTING back to MATCHED or
     * APPROVED hands a reset back.
     */
    private static final Map<State, Set<State>> NEXT =
        new EnumMap<>(
            Map.ofEntries(
                Map.entry(STARTED, EnumSet.of(VERIFYING)),
                Map.entry(VERIFYING, EnumSet.of(VERIFIED, EXPIRED)),
                Map.entry(
                    VERIFIED,
                    EnumSet.of(
                        VERIFYING, MATCHED, ESCALATED, APPROVED, FAILED, CANCELLED, INTERRUPTED)),
                Map.entry(MATCHED, EnumSet.of(RESETTING)),
                Map.entry(ESCALATED, EnumSet.of(APPROVED, DENIED)),
                Map.entry(APPROVED, EnumSet.of(RESETTING, EXPIRED)),
                Map.entry(RESETTING, EnumSet.of(RESETTING, MATCHED, APPROVED, COMPLETED)),
                Map.entry(DENIED, EnumSet.noneOf(State.class)),
                Map.entry(COMPLETED, EnumSet.noneOf(State.class)),
                Map.entry(FAILED, EnumSet.noneOf(State.class)),
                Map.entry(CANCELLED, EnumSet.noneOf(State.class)),
                Map.entry(INTERRUPTED, EnumSet.noneOf(State.class)),
                Map.entry(EXPIRED, EnumSet.noneOf(State.class))));

    /** Whether an attempt in this state may move to {@code next}. */
    public boolean mayMoveTo(State next) {
      return NEXT.get(this).contains(next);
    }

    /** The states this one may move to (none for an end state). */
    public Set<State> next() {
      return Collections.unmodifiableSet(NEXT.get(this));
    }
  }

  @Id
  @SequenceGenerator(name = "attempt_seq", sequenceName = "attempt_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attempt_seq")
  private Long id;

  @Column(name = "id_hash", nullable = false, length = 64)
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

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(nullable = false)
  private boolean decoy;

  @Enumerated(EnumType.STRING)
  @Column(name = "refusal_reason", length = 100)
  private RefusalReason refusalReason;

  /** Null while no callback is awaited. */
  @Embedded private PendingRequest pending;

  /**
   * Null until a verification is under way (EclipseLink reads an embeddable whose columns are all
   * null as null).
   */
  @Embedded private ProofingRecord proofing;

  @Embedded private ResetProgress resetProgress = new ResetProgress();

  @Enumerated(EnumType.STRING)
  @Column(name = "match_outcome", length = 10)
  private Outcome matchOutcome;

  /**
   * The matcher's rule outcomes, in its order, for a reviewer (structured since V17/V18; no longer
   * text cut at 4,000).
   */
  @ElementCollection
  @CollectionTable(name = "match_rule", joinColumns = @JoinColumn(name = "attempt_id"))
  @OrderColumn(name = "position")
  private List<MatchRule> matchRules = new ArrayList<>();

  /**
   * The reference of the review case this attempt became (the case itself, in review, refers to the
   * attempt by id): the person's page and the helpdesk agent quote it, and a reset handed back
   * returns to APPROVED rather than MATCHED.
   */
  @Column(name = "case_reference", length = 20)
  private String caseReference;

  /** An account in a sensitive group, marked at the start: a case about it needs two approvers. */
  @Column(name = "high_risk", nullable = false)
  private boolean highRisk;

  /**
   * When a reviewer's decision (or an approval carried over to this attempt) moved it to APPROVED
   * or DENIED.
   */
  @Column(name = "decided_at")
  private Instant decidedAt;

  /**
   * The staff member who asked for this attempt (a helpdesk agent): they may never decide a case
   * about it.
   */
  @Column(name = "escalated_by", length = 64)
  private String escalatedBy;

  @Version private long version;

  /** The moves made since the last flush, for the metrics ({@link AttemptMoves}); never stored. */
  @Transient private final transient List<Move> moves = new ArrayList<>();

  /**
   * One move: from and to, when the attempt had entered {@code from} (only a move sets updatedAt,
   * so its value before the move says so) and when it left. The time spent waiting for a reviewer
   * is {@code entered} to {@code at}.
   */
  record Move(State from, State to, Instant entered, Instant at) {}

  protected Attempt() {
    // for JPA
  }

  public Attempt(
      String idHash,
      Kind kind,
      RequestedAction action,
      String claimedEmail,
      Instant now,
      Duration lifetime) {
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
   * Moves from {@code expected} to {@code next}. Throws when the attempt is elsewhere (a step out
   * of order, or one already taken), when the state table has no such move, or when it has expired.
   * Expiry stops new work only: a step already under way (VERIFIED, RESETTING) may always finish,
   * so a reset made in the directory is never left unrecorded.
   */
  public void moveTo(State expected, State next, Instant now) {
    if (state != expected) {
      throw new IllegalStateException("attempt is " + state + ", not " + expected);
    }
    if (!expected.mayMoveTo(next)) {
      throw new IllegalStateException("an attempt never moves from " + expected + " to " + next);
    }
    if (!finishing(expected) && isExpired(now)) {
      throw new IllegalStateException("attempt expired");
    }
    moves.add(new Move(state, next, updatedAt, now));
    state = next;
    updatedAt = now;
    resetProgress.resetting(next == State.RESETTING ? directoryUserId : null);
  }

  /** The moves made since the last call, oldest first; forgets them. */
  List<Move> takeMoves() {
    List<Move> taken = List.copyOf(moves);
    moves.clear();
    return taken;
  }

  static boolean finishing(State from) {
    return from == State.VERIFIED || from == State.RESETTING;
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * Gives the attempt a new key: only the holder of the raw id behind {@code newIdHash} can act on
   * it from now on, and the old id stops working. For an attempt no browser holds, such as a
   * helpdesk request's, whose steps the server takes itself until the employee's reset link hands
   * it to their browser.
   */
  public void rekey(String newIdHash) {
    this.idHash = Objects.requireNonNull(newIdHash);
  }

  /** Marks this attempt as a decoy: it runs like any other and ends "we could not verify you". */
  public void refuse(RefusalReason reason) {
    this.decoy = true;
    this.refusalReason = reason;
  }

  public void awaitCallback(String stateHash, String nonce, String codeVerifier) {
    this.pending = new PendingRequest(stateHash, nonce, codeVerifier);
  }

  /**
   * The pending request's secrets are single use: whoever claims the callback takes them, and they
   * are gone.
   */
  public void forgetPendingRequest() {
    this.pending = null;
  }

  public void recordProofing(
      ProofingStatus status, Double score, String interviewId, String identityId) {
    this.proofing = proofing().result(status, score, interviewId, identityId);
  }

  /** The matcher's outcome and its rules' outcomes (none when the matcher did not run). */
  public void recordMatch(Outcome outcome, List<RuleResult> rules) {
    this.matchOutcome = outcome;
    this.matchRules.clear();
    if (rules != null) {
      rules.stream().map(MatchRule::new).forEach(matchRules::add);
    }
  }

  /** Keeps what the document said, for a reviewer; retention purges it once the case is decided. */
  public void keepEvidence(String fullName, String givenName, java.time.LocalDate birthdate) {
    this.proofing = proofing().withEvidence(fullName, givenName, birthdate);
  }

  /**
   * The attempt became review case {@code reference}, and waits for its decision until {@code
   * until}.
   */
  public void caseOpened(String reference, Instant until) {
    this.caseReference = Objects.requireNonNull(reference);
    this.expiresAt = until;
  }

  /** A staff member (a helpdesk agent) opened this case: they may never decide it themselves. */
  public void escalatedBy(String staffObjectId) {
    this.escalatedBy = staffObjectId;
  }

  /** Retention: the verified name and birthdate go (the case keeps a hash of them). */
  public void forgetEvidence() {
    this.proofing = proofing().withoutEvidence();
  }

  /** A member of a sensitive group: any review of this attempt needs two approvers. */
  public void markHighRisk() {
    this.highRisk = true;
  }

  /** After an approval, the employee has this long to finish their own recovery. */
  public void extendUntil(Instant until) {
    this.expiresAt = until;
  }

  public void decided(Instant now) {
    this.decidedAt = now;
  }

  /** A reset is claimed now; what an earlier, interrupted one left to say is no longer news. */
  public void resetStarted(Instant now) {
    resetProgress.started(now);
  }

  /**
   * The directory was read now to learn how an interrupted reset write ended (or such a reading is
   * under way).
   */
  public void resetChecked(Instant now) {
    resetProgress.checked(now);
  }

  /**
   * Whether this RESETTING attempt's outcome is being found out from the directory rather than
   * awaited: a write went unanswered, or the claim is older than {@code claimTimeout} (the node
   * that held it is gone).
   */
  public boolean isResetInDoubt(Instant now, Duration claimTimeout) {
    return state == State.RESETTING && resetProgress.inDoubt(now, claimTimeout);
  }

  public void passwordDone() {
    resetProgress.passwordDone();
  }

  public void mfaDone() {
    resetProgress.mfaDone();
  }

  /** True once every part the person asked for is done. */
  public boolean allRequestedDone() {
    return switch (requestedAction) {
      case PASSWORD -> resetProgress.passwordIsDone();
      case MFA -> resetProgress.mfaIsDone();
      case BOTH -> resetProgress.passwordIsDone() && resetProgress.mfaIsDone();
    };
  }

  public void completed(Instant now) {
    resetProgress.completed(now);
  }

  public void bindDirectoryUser(String objectId) {
    this.directoryUserId = objectId;
  }

  public void recordVerification(String interviewId, String identityId) {
    this.proofing = proofing().session(interviewId, identityId);
  }

  /**
   * The awaited callback's secrets; empty once the callback was claimed (or before the request was
   * made).
   */
  public java.util.Optional<PendingRequest> pending() {
    return java.util.Optional.ofNullable(pending);
  }

  public ProofingRecord proofing() {
    return proofing == null ? ProofingRecord.NONE : proofing;
  }

  public ResetProgress resetProgress() {
    return resetProgress;
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

  public boolean isDecoy() {
    return decoy;
  }

  public RefusalReason getRefusalReason() {
    return refusalReason;
  }

  public Outcome getMatchOutcome() {
    return matchOutcome;
  }

  public List<MatchRule> getMatchRules() {
    return List.copyOf(matchRules);
  }

  public String getCaseReference() {
    return caseReference;
  }

  public boolean isHighRisk() {
    return highRisk;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getEscalatedBy() {
    return escalatedBy;
  }
}
