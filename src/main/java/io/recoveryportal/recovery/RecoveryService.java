package io.recoveryportal.recovery;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.lookup.Membership;
import io.recoveryportal.lookup.WorkEmail;
import io.recoveryportal.matching.DirectoryPerson;
import io.recoveryportal.matching.IdentityMatcher;
import io.recoveryportal.matching.MatchResult;
import io.recoveryportal.matching.Outcome;
import io.recoveryportal.matching.RuleResult;
import io.recoveryportal.matching.RuleStatus;
import io.recoveryportal.matching.VerifiedIdentity;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.security.OpaqueTokens;
import io.recoveryportal.verification.IdentityProofing;
import io.recoveryportal.verification.PendingVerification;
import io.recoveryportal.verification.ProofingStatus;
import io.recoveryportal.verification.VerificationFailedException;
import io.recoveryportal.verification.VerificationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The employee's recovery, from "Continue" to the verdict on Incode's answer. Every address gets the same
 * treatment: one that must not be recovered by self-service (unknown, several accounts, disabled, privileged)
 * still becomes an attempt and still goes to Incode, as a decoy that ends "we could not verify you"; the true
 * reason is in the audit trail only. The authorization request to Incode is the same too: its login hint is the
 * address as typed, unless the browser itself proves an earlier verification for that account (see
 * {@link ReturningDevices}). No directory write happens here.
 */
@ApplicationScoped
public class RecoveryService {

    private static final Logger LOG = Logger.getLogger(RecoveryService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AttemptStore store;

    @Inject
    DirectoryAccounts directory;

    @Inject
    IdentityProofing proofing;

    @Inject
    RecoverySettings settings;

    @Inject
    RateLimits limits;

    @Inject
    ReturningDevices devices;

    @Inject
    jakarta.enterprise.event.Event<CaseOpened> caseOpened;

    /** What "Continue" leads to. */
    public sealed interface Start permits Redirect, Limited, Unavailable {
    }

    /** Go to Incode; {@code attemptId} goes into the attempt cookie and nowhere else. */
    public record Redirect(URI to, String attemptId) implements Start {
    }

    public record Limited(RateLimits.Limit limit) implements Start {
    }

    /** The directory or Incode cannot be reached now; nothing was started. */
    public record Unavailable() implements Start {
    }

    /**
     * "Continue".
     *
     * @param deviceToken the browser's device cookie, or null
     */
    public Start start(WorkEmail email, Attempt.RequestedAction action, String clientAddress, String deviceToken) {
        Optional<RateLimits.Limit> limited = limits.tryStart(clientAddress, OpaqueTokens.hash(email.value()));
        if (limited.isPresent()) {
            return new Limited(limited.get());
        }
        Eligibility eligibility;
        try {
            eligibility = eligibility(email);
        } catch (DirectoryUnavailableException e) {
            LOG.log(Level.WARNING, "Directory unavailable at start: {0}", e.getMessage());
            return new Unavailable();
        }
        // The browser sees the authorization request (without pushed requests, in the URL; with them, in which page
        // Incode shows), so the hint must not depend on what the directory or our records know of the address: it is
        // the typed address, for everyone. Face re-authentication (the identity id as hint, seed 002) only for a
        // browser whose device cookie proves a verification for this very account; the device is looked up before
        // the account is compared, and whether or not the account may be recovered, so that nothing else decides.
        Optional<ReturningDevice> device = devices.find(deviceToken);
        Optional<String> returning = device.filter(d -> eligibility.account().map(DirectoryAccount::id)
                .filter(d.getDirectoryUserId()::equals).isPresent()).map(ReturningDevice::getIdentityId);
        String loginHint = returning.orElse(email.value());
        PendingVerification pending;
        try {
            pending = proofing.begin(loginHint);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Incode unavailable at start: {0}", e.getMessage());
            return new Unavailable();
        }
        String rawId = OpaqueTokens.generate();
        Attempt a = new Attempt(OpaqueTokens.hash(rawId), Attempt.Kind.RECOVERY, action, email.value(), store.now(),
                settings.attemptLifetime());
        eligibility.account().ifPresent(acc -> a.bindDirectoryUser(acc.id()));
        if (eligibility.sensitive()) {
            a.markHighRisk();
        }
        if (eligibility.refusal() != null) {
            a.refuse(eligibility.refusal().reason());
        }
        a.moveTo(State.STARTED, State.VERIFYING, store.now());
        a.awaitCallback(OpaqueTokens.hash(pending.state()), pending.nonce(), pending.codeVerifier());
        String face = returning.isPresent() ? "; face re-authentication (returning device)" : "";
        store.create(a, eligibility.refusal() == null ? AuditType.RECOVERY_STARTED : AuditType.RECOVERY_STARTED_REFUSED,
                (eligibility.refusal() == null ? "action=" + action : "refused: " + eligibility.refusal().text() + "; action=" + action) + face);
        return new Redirect(pending.authorizationUri(), rawId);
    }

    /**
     * After a callback that ended in a match: remembers this browser for the attempt's account and the Incode
     * identity just verified, for the re-verification window. Returns the new device token for the cookie; empty
     * when the attempt is not a match (nothing is remembered for a decoy, a review or a failure).
     *
     * @param presentedToken the device cookie this browser already had, retired now, or null
     */
    public Optional<String> rememberDevice(String rawAttemptId, String presentedToken) {
        return store.find(rawAttemptId)
                .filter(a -> a.getState() == State.MATCHED && !a.isDecoy() && a.getDirectoryUserId() != null && a.proofing().identityId() != null)
                .map(a -> devices.remember(a, presentedToken, settings.reverificationWindow()));
    }

    /**
     * Who the address names, and why neither self-service nor the helpdesk may recover it (null when it may go
     * ahead); {@code sensitive} when its cases need two approvers.
     */
    public record Eligibility(Optional<DirectoryAccount> account, Refusal refusal, boolean sensitive) {

        Eligibility(Optional<DirectoryAccount> account, Refusal refusal) {
            this(account, refusal, false);
        }
    }

    /** @throws DirectoryUnavailableException when the directory cannot answer now */
    public Eligibility eligibility(WorkEmail email) {
        List<DirectoryAccount> found = directory.findByEmail(email);
        if (found.isEmpty()) {
            return new Eligibility(Optional.empty(), Refusal.of(RefusalReason.NO_ACCOUNT));
        }
        if (found.size() > 1) {
            return new Eligibility(Optional.empty(), new Refusal(RefusalReason.SEVERAL_ACCOUNTS, Integer.toString(found.size())));
        }
        DirectoryAccount acc = found.get(0);
        if (!acc.enabled()) {
            return new Eligibility(Optional.of(acc), Refusal.of(RefusalReason.ACCOUNT_DISABLED));
        }
        Membership m = directory.membership(acc.id());
        Optional<Refusal> privilege = Refusal.privilege(m, settings.protectedGroups());
        if (privilege.isPresent()) {
            return new Eligibility(Optional.of(acc), privilege.get());
        }
        boolean sensitive = m.groupIds().stream().anyMatch(settings.sensitiveGroups()::contains);
        return new Eligibility(Optional.of(acc), null, sensitive);
    }

    // ---- the callback ----

    /**
     * Where the person goes after Incode sent them back. RETRY: Incode could not be reached before it took the code,
     * and the same callback may be completed again ({@link #retry}); UNAVAILABLE: Incode failed after that, the
     * attempt is INTERRUPTED and the person starts again.
     */
    public enum Verdict { MATCHED, APPROVED, ESCALATED, FAILED, CANCELLED, INVALID, UNAVAILABLE, RETRY }

    /**
     * Handles Incode's callback for the attempt in the cookie. The attempt is claimed first (VERIFYING →
     * VERIFIED, the pending secrets taken and erased) so a replayed or concurrent callback finds nothing to do
     * and the code is exchanged at most once.
     */
    public Verdict complete(String rawAttemptId, URI callback) {
        return complete(rawAttemptId, callback, false);
    }

    /**
     * The person's "Try again" after {@link Verdict#RETRY}: the same callback once more. A code Incode now refuses
     * (expired meanwhile, or taken after all by the request that failed) interrupts the attempt instead of failing
     * the person's verification.
     */
    public Verdict retry(String rawAttemptId, URI callback) {
        return complete(rawAttemptId, callback, true);
    }

    private Verdict complete(String rawAttemptId, URI callback, boolean retry) {
        PendingVerification[] pending = new PendingVerification[1];
        String state = proofing.callbackState(callback).orElse(null);
        Optional<Attempt> claimed;
        try {
            claimed = store.transition(rawAttemptId, State.VERIFYING, State.VERIFIED, a -> {
                PendingRequest awaited = a.pending().orElse(null);
                pending[0] = awaited == null ? new PendingVerification(null, "", null, null)
                        : new PendingVerification(null, stateMatches(awaited, state) ? state : "", awaited.nonce(), awaited.codeVerifier());
                a.forgetPendingRequest();
            }, AuditType.VERIFICATION_CALLBACK, retry ? AuditOutcome.RETRY : AuditOutcome.OK, null);
        } catch (AttemptStore.ConcurrentStepException e) {
            return Verdict.INVALID;
        }
        if (claimed.isEmpty()) {
            return Verdict.INVALID;
        }
        VerificationResult result;
        try {
            result = proofing.complete(callback, pending[0]);
        } catch (VerificationFailedException e) {
            return failed(rawAttemptId, pending[0], e, retry);
        }
        return judge(rawAttemptId, claimed.get(), result);
    }

    private Verdict failed(String rawAttemptId, PendingVerification pending, VerificationFailedException e, boolean retry) {
        VerificationFailedException.Reason reason = e.reason();
        if (reason == VerificationFailedException.Reason.NOT_REDEEMED) {
            // Incode never took the code: the attempt awaits the same callback again, with the same pending request
            // (the state matched, or the relying party would have refused the callback before reaching Incode)
            Optional<Attempt> waiting = store.transition(rawAttemptId, State.VERIFIED, State.VERIFYING,
                    a -> a.awaitCallback(OpaqueTokens.hash(pending.state()), pending.nonce(), pending.codeVerifier()),
                    AuditType.VERIFICATION_UNREACHABLE, AuditOutcome.of(reason), e.getMessage());
            return waiting.isPresent() ? Verdict.RETRY : Verdict.INVALID;
        }
        boolean cancelled = reason == VerificationFailedException.Reason.CANCELLED;
        boolean interrupted = reason == VerificationFailedException.Reason.UNAVAILABLE
                || reason == VerificationFailedException.Reason.TIMEOUT
                || retry && reason == VerificationFailedException.Reason.CODE_REJECTED;
        finish(rawAttemptId, cancelled ? State.CANCELLED : interrupted ? State.INTERRUPTED : State.FAILED, a -> { },
                interrupted ? AuditType.VERIFICATION_INTERRUPTED : AuditType.VERIFICATION_FAILED, AuditOutcome.of(reason), e.getMessage());
        return cancelled ? Verdict.CANCELLED : interrupted ? Verdict.UNAVAILABLE : Verdict.FAILED;
    }

    /**
     * Judges a verification whose result the portal fetched itself rather than through the browser's callback (a
     * helpdesk request's, from Incode's B2B API), by the same rules. The attempt behind {@code rawId} must already
     * be VERIFIED, claimed by the caller; otherwise nothing happens.
     */
    public Verdict judgeVerified(String rawId, VerificationResult result) {
        return store.find(rawId).filter(a -> a.getState() == State.VERIFIED).map(a -> judge(rawId, a, result)).orElse(Verdict.INVALID);
    }

    /**
     * Gathers the facts {@link Verdicts#judge} asks for, in its order and only when it asks (a decoy or a failure never
     * reads the directory), and carries out its verdict in one transition.
     */
    private Verdict judge(String rawId, Attempt attempt, VerificationResult result) {
        KindPolicy kind = attempt.getKind().policy();
        Verdicts.AccountRead read = null;
        Optional<DirectoryAccount> account = Optional.empty();
        boolean carriedOver = false;
        MatchResult match = null;
        Verdicts.Judgement j = Verdicts.judge(attempt.isDecoy(), result.status(), read, carriedOver, match);
        if (j instanceof Verdicts.NeedsAccount) {
            // compare with the directory as it is now, not as it was at "Continue"
            try {
                account = directory.findById(attempt.getDirectoryUserId());
                read = account.isPresent() && account.get().enabled() == kind.needsEnabledAccount()
                        ? Verdicts.AccountRead.USABLE : Verdicts.AccountRead.CHANGED;
            } catch (DirectoryUnavailableException e) {
                read = Verdicts.AccountRead.UNAVAILABLE;
            }
            j = Verdicts.judge(false, result.status(), read, false, null);
        }
        if (j instanceof Verdicts.NeedsMatch) {
            carriedOver = kind.carriesApprovalsOver() && carryOverApproval(rawId, attempt, result);
            if (!carriedOver) {
                DirectoryAccount acc = account.orElseThrow();
                match = IdentityMatcher.match(new VerifiedIdentity(result.fullName(), result.givenName(), result.birthdate()),
                        new DirectoryPerson(acc.givenName(), acc.surname(), acc.displayName(), acc.birthdate()), settings.matchingPolicy());
            }
            j = Verdicts.judge(false, result.status(), read, carriedOver, match);
        }
        return carryOut(rawId, attempt, result, j, match);
    }

    private Verdict carryOut(String rawId, Attempt attempt, VerificationResult result, Verdicts.Judgement j, MatchResult match) {
        java.util.function.Consumer<Attempt> proofed = a -> a.recordProofing(result.status(), result.score(), result.interviewId(),
                result.identityId());
        String rules = match == null ? null : match.rules().stream().map(r -> r.rule() + "=" + r.status() + ": " + r.explanation())
                .collect(Collectors.joining("\n"));
        if (j instanceof Verdicts.Refused) {
            finish(rawId, State.FAILED, proofed, AuditType.VERIFICATION_REFUSED, AuditOutcome.REFUSED,
                    attempt.getRefusalReason() == null ? null : attempt.getRefusalReason().words());
            return Verdict.FAILED;
        }
        if (j instanceof Verdicts.Failed) {
            finish(rawId, State.FAILED, proofed, AuditType.VERIFICATION_FAILED, AuditOutcome.FAIL, "auth_overall_status FAIL");
            return Verdict.FAILED;
        }
        if (j instanceof Verdicts.AccountChanged) {
            finish(rawId, State.FAILED, proofed, AuditType.VERIFICATION_REFUSED, AuditOutcome.REFUSED, attempt.getKind().policy().accountChangedWords());
            return Verdict.FAILED;
        }
        if (j instanceof Verdicts.Approved) {
            return Verdict.APPROVED;
        }
        if (j instanceof Verdicts.Matched) {
            finish(rawId, State.MATCHED, proofed.andThen(a -> a.recordMatch(Outcome.MATCH, rules)), AuditType.MATCHING_MATCHED, AuditOutcome.MATCH, null);
            return Verdict.MATCHED;
        }
        if (j instanceof Verdicts.Escalate e) {
            escalate(rawId, result, rules, e.reason(), e.words(), e.highRisk());
            return Verdict.ESCALATED;
        }
        throw new IllegalStateException("no verdict yet: " + j);
    }

    static CaseReason reasonOf(MatchResult match, boolean birthdateDiffers) {
        return Verdicts.reasonOf(match, birthdateDiffers);
    }

    /**
     * A person whose earlier case a reviewer approved, coming back (another browser, a lost tab) and verified again
     * as the same Incode identity for the same account within the approval window, goes straight to the reset: the
     * approval moves to this attempt and the old one can no longer be used. Only a clean OK counts.
     */
    private boolean carryOverApproval(String rawId, Attempt attempt, VerificationResult result) {
        if (result.identityId() == null) {
            return false;
        }
        java.time.Instant since = store.now().minus(settings.approvalWindow());
        return store.carryOverApproval(rawId, attempt.getDirectoryUserId(), result.identityId(), since,
                a -> a.recordProofing(result.status(), result.score(), result.interviewId(), result.identityId()));
    }

    /**
     * Opens a review case. Four-eyes (two approvers) for the risky ones: Incode's own MANUAL_REVIEW, a birthdate
     * that differs, or an account in a sensitive group (marked at start).
     */
    private void escalate(String rawId, VerificationResult result, String rules, CaseReason category, String reason, boolean highRisk) {
        String reference = caseReference();
        Optional<Attempt> opened = finish(rawId, State.ESCALATED, a -> {
            a.recordProofing(result.status(), result.score(), result.interviewId(), result.identityId());
            a.recordMatch(rules == null ? null : Outcome.REVIEW, rules);
            a.keepEvidence(result.fullName(), result.givenName(), result.birthdate(), reference);
            a.escalated(category, reason, highRisk, store.now(), settings.caseLifetime());
        }, AuditType.REVIEW_CASE_OPENED, AuditOutcome.ESCALATED, reason + "; case " + reference);
        // committed: reviewers may now be told
        opened.ifPresent(a -> caseOpened.fire(new CaseOpened(a.getId(), reference, a.getKind(), category, a.isHighRisk())));
    }

    private Optional<Attempt> finish(String rawId, State next, java.util.function.Consumer<Attempt> change, AuditType type, AuditOutcome outcome, String detail) {
        return store.transition(rawId, State.VERIFIED, next, change, type, outcome, detail);
    }

    private static boolean stateMatches(PendingRequest awaited, String state) {
        return state != null && java.security.MessageDigest.isEqual(OpaqueTokens.hash(state).getBytes(), awaited.stateHash().getBytes());
    }

    /** A short reference a person can read out on the phone: "RC-" and 8 characters without look-alikes. */
    static String caseReference() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder("RC-");
        for (int i = 0; i < 8; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
