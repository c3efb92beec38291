package io.recoveryportal.recovery;

import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.lookup.Membership;
import io.recoveryportal.lookup.WorkEmail;
import io.recoveryportal.matching.DirectoryPerson;
import io.recoveryportal.matching.IdentityMatcher;
import io.recoveryportal.matching.MatchResult;
import io.recoveryportal.matching.RuleResult;
import io.recoveryportal.matching.RuleStatus;
import io.recoveryportal.matching.VerifiedIdentity;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.security.OpaqueTokens;
import io.recoveryportal.verification.IdentityProofing;
import io.recoveryportal.verification.PendingVerification;
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
            a.refuse(eligibility.refusal());
        }
        a.moveTo(State.STARTED, State.VERIFYING, store.now());
        a.awaitCallback(OpaqueTokens.hash(pending.state()), pending.nonce(), pending.codeVerifier());
        String face = returning.isPresent() ? "; face re-authentication (returning device)" : "";
        store.create(a, eligibility.refusal() == null ? "recovery.started" : "recovery.started.refused",
                (eligibility.refusal() == null ? "action=" + action : "refused: " + eligibility.refusal() + "; action=" + action) + face
                        + "; client " + clientAddress);
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
                .filter(a -> a.getState() == State.MATCHED && !a.isDecoy() && a.getDirectoryUserId() != null && a.getIncodeIdentityId() != null)
                .map(a -> devices.remember(a, presentedToken, settings.reverificationWindow()));
    }

    /**
     * Who the address names, and why neither self-service nor the helpdesk may recover it (null when it may go
     * ahead); {@code sensitive} when its cases need two approvers.
     */
    public record Eligibility(Optional<DirectoryAccount> account, String refusal, boolean sensitive) {

        Eligibility(Optional<DirectoryAccount> account, String refusal) {
            this(account, refusal, false);
        }
    }

    /** @throws DirectoryUnavailableException when the directory cannot answer now */
    public Eligibility eligibility(WorkEmail email) {
        List<DirectoryAccount> found = directory.findByEmail(email);
        if (found.isEmpty()) {
            return new Eligibility(Optional.empty(), "no account");
        }
        if (found.size() > 1) {
            return new Eligibility(Optional.empty(), "several accounts (" + found.size() + ")");
        }
        DirectoryAccount acc = found.get(0);
        if (!acc.enabled()) {
            return new Eligibility(Optional.of(acc), "account disabled");
        }
        Membership m = directory.membership(acc.id());
        Optional<String> privilege = m.privilege(settings.protectedGroups());
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
        String state = stateParameter(callback);
        Optional<Attempt> claimed;
        try {
            claimed = store.transition(rawAttemptId, State.VERIFYING, State.VERIFIED, a -> {
                pending[0] = new PendingVerification(null, stateMatches(a, state) ? state : "", a.getOidcNonce(), a.getPkceVerifier());
                a.forgetPendingRequest();
            }, "verification.callback", retry ? "RETRY" : "OK", null);
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
                    "verification.unreachable", reason.name(), e.getMessage());
            return waiting.isPresent() ? Verdict.RETRY : Verdict.INVALID;
        }
        boolean cancelled = reason == VerificationFailedException.Reason.CANCELLED;
        boolean interrupted = reason == VerificationFailedException.Reason.UNAVAILABLE
                || reason == VerificationFailedException.Reason.TIMEOUT
                || retry && reason == VerificationFailedException.Reason.CODE_REJECTED;
        finish(rawAttemptId, cancelled ? State.CANCELLED : interrupted ? State.INTERRUPTED : State.FAILED, a -> { },
                interrupted ? "verification.interrupted" : "verification.failed", reason.name(), e.getMessage());
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

    private Verdict judge(String rawId, Attempt attempt, VerificationResult result) {
        String status = result.status().name();
        if (attempt.isDecoy()) {
            finish(rawId, State.FAILED, a -> a.recordProofing(status, result.score(), result.interviewId(), result.identityId()),
                    "verification.refused", "REFUSED", attempt.getRefusalReason());
            return Verdict.FAILED;
        }
        switch (result.status()) {
            case FAIL -> {
                finish(rawId, State.FAILED, a -> a.recordProofing(status, result.score(), result.interviewId(), result.identityId()),
                        "verification.failed", "FAIL", "auth_overall_status FAIL");
                return Verdict.FAILED;
            }
            case MANUAL_REVIEW -> {
                escalate(rawId, result, null, CaseReason.INCODE_MANUAL_REVIEW, "Incode MANUAL_REVIEW", true);
                return Verdict.ESCALATED;
            }
            default -> {
                // OK: compare with the directory as it is now, not as it was at "Continue"
                Optional<DirectoryAccount> account;
                try {
                    account = directory.findById(attempt.getDirectoryUserId());
                } catch (DirectoryUnavailableException e) {
                    // the verification stands; a reviewer can pick it up rather than the person starting over
                    escalate(rawId, result, null, CaseReason.DIRECTORY_UNAVAILABLE, "directory unavailable after verification", false);
                    return Verdict.ESCALATED;
                }
                // recovery needs an enabled account; activation one that is still disabled (not enabled meanwhile)
                boolean activation = attempt.getKind() == Attempt.Kind.ACTIVATION;
                if (account.isEmpty() || account.get().enabled() == activation) {
                    finish(rawId, State.FAILED, a -> a.recordProofing(status, result.score(), result.interviewId(), result.identityId()),
                            "verification.refused", "REFUSED", activation ? "account gone or already enabled since the invitation"
                                    : "account gone or disabled since start");
                    return Verdict.FAILED;
                }
                // only a self-service recovery carries an approval over; activation and helpdesk requests are bound to their own
                if (attempt.getKind() == Attempt.Kind.RECOVERY && carryOverApproval(rawId, attempt, result)) {
                    return Verdict.APPROVED;
                }
                DirectoryAccount acc = account.get();
                MatchResult match = IdentityMatcher.match(
                        new VerifiedIdentity(result.fullName(), result.givenName(), result.birthdate()),
                        new DirectoryPerson(acc.givenName(), acc.surname(), acc.displayName(), acc.birthdate()),
                        settings.matchingPolicy());
                String rules = match.rules().stream().map(r -> r.rule() + "=" + r.status() + ": " + r.explanation())
                        .collect(Collectors.joining("\n"));
                if (match.outcome() == io.recoveryportal.matching.Outcome.MATCH) {
                    finish(rawId, State.MATCHED, a -> {
                        a.recordProofing(status, result.score(), result.interviewId(), result.identityId());
                        a.recordMatch("MATCH", rules);
                    }, "matching.matched", "MATCH", null);
                    return Verdict.MATCHED;
                }
                boolean birthdateDiffers = match.rules().stream()
                        .anyMatch(r -> RuleResult.BIRTHDATE.equals(r.rule()) && r.status() == RuleStatus.FAIL);
                escalate(rawId, result, rules, reasonOf(match, birthdateDiffers),
                        "matching: " + match.firstFailure().map(r -> r.rule()).orElse("review"), birthdateDiffers);
                return Verdict.ESCALATED;
            }
        }
    }

    static CaseReason reasonOf(MatchResult match, boolean birthdateDiffers) {
        if (birthdateDiffers) {
            return CaseReason.BIRTHDATE;
        }
        // a rule that depends on a failed one reports MISSING too ("not assessed"), so a FAIL anywhere is the reason
        boolean failed = match.rules().stream().anyMatch(r -> r.blocksMatch() && r.status() == RuleStatus.FAIL);
        boolean missing = match.rules().stream().anyMatch(r -> r.blocksMatch() && r.status() == RuleStatus.MISSING);
        return !failed && missing ? CaseReason.MISSING_ATTRIBUTE : CaseReason.NAME;
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
                a -> a.recordProofing(result.status().name(), result.score(), result.interviewId(), result.identityId()));
    }

    /**
     * Opens a review case. Four-eyes (two approvers) for the risky ones: Incode's own MANUAL_REVIEW, a birthdate
     * that differs, or an account in a sensitive group (marked at start).
     */
    private void escalate(String rawId, VerificationResult result, String rules, CaseReason category, String reason, boolean highRisk) {
        String reference = caseReference();
        Optional<Attempt> opened = finish(rawId, State.ESCALATED, a -> {
            a.recordProofing(result.status().name(), result.score(), result.interviewId(), result.identityId());
            a.recordMatch(rules == null ? null : "REVIEW", rules);
            a.keepEvidence(result.fullName(), result.givenName(), result.birthdate(), reference);
            a.escalated(category, reason, highRisk, store.now(), settings.caseLifetime());
        }, "review.case.opened", "ESCALATED", reason + "; case " + reference);
        // committed: reviewers may now be told
        opened.ifPresent(a -> caseOpened.fire(new CaseOpened(a.getId(), reference, a.getKind(), category, a.isHighRisk())));
    }

    private Optional<Attempt> finish(String rawId, State next, java.util.function.Consumer<Attempt> change, String type, String outcome, String detail) {
        return store.transition(rawId, State.VERIFIED, next, change, type, outcome, detail);
    }

    private static boolean stateMatches(Attempt a, String state) {
        return state != null && a.getOidcStateHash() != null
                && java.security.MessageDigest.isEqual(OpaqueTokens.hash(state).getBytes(), a.getOidcStateHash().getBytes());
    }

    private static String stateParameter(URI callback) {
        String q = callback.getRawQuery();
        if (q == null) {
            return null;
        }
        for (String p : q.split("&")) {
            if (p.startsWith("state=")) {
                return java.net.URLDecoder.decode(p.substring(6), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
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
