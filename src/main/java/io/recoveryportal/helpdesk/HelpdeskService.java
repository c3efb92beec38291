package io.recoveryportal.helpdesk;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryRefusedException;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.lookup.WorkEmail;
import io.recoveryportal.notification.Mailer;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.metrics.Meters;
import io.recoveryportal.recovery.RateLimits;
import io.recoveryportal.recovery.RecoveryService;
import io.recoveryportal.recovery.Refusal;
import io.recoveryportal.recovery.RefusalReason;
import io.recoveryportal.recovery.RecoverySettings;
import io.recoveryportal.review.CaseDecided;
import io.recoveryportal.security.OpaqueTokens;
import io.recoveryportal.staff.StaffPrincipal;
import io.recoveryportal.verification.ProofingUnavailableException;
import io.recoveryportal.verification.VerificationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Helpdesk-initiated verification (seed 004): an agent on the phone sends the caller's account a verification
 * link, follows its status, and once the portal has matched the verified identity to the directory sends the
 * employee a link to reset their own credentials. The verdict is reached exactly as in self-service, on the same
 * kind of attempt ({@link RecoveryService#judgeVerified}); Incode's webhooks only tell the portal when to fetch
 * the result, server to server, and never decide or reset anything themselves.
 */
@ApplicationScoped
public class HelpdeskService {

    private static final Logger LOG = Logger.getLogger(HelpdeskService.class.getName());
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    HelpdeskStore store;

    @Inject
    RecoveryService recovery;

    @Inject
    RateLimits limits;

    @Inject
    Meters meters;

    @Inject
    VerificationRequests incode;

    @Inject
    DirectoryAccounts directory;

    @Inject
    Mailer mailer;

    @Inject
    PortalConfig config;

    @Inject
    HelpdeskSettings settings;

    @Inject
    RecoverySettings recoverySettings;

    /** What "Send verification link" came to. */
    public sealed interface Sent permits Created, Refused, Limited, Unavailable, NotConfigured {
    }

    /** A request exists (its page says whether the link went out). */
    public record Created(long requestId) implements Sent {
    }

    /** The account may not be verified this way; {@code reason} is for the agent, who is staff. */
    public record Refused(String reason) implements Sent {
    }

    public record Limited() implements Sent {
    }

    /** The directory or Incode cannot be used now; nothing was sent. */
    public record Unavailable(String reason) implements Sent {
    }

    public record NotConfigured() implements Sent {
    }

    /**
     * Looks the account up and refuses what the helpdesk must not verify (the same rules as self-service, plus the
     * agent's own account); otherwise asks Incode for a session, records it, and emails the link to the account's
     * notification addresses. The link is never shown to the agent: an impostor on the phone cannot be handed it.
     */
    public Sent send(StaffPrincipal agent, WorkEmail email, String ticket, Attempt.RequestedAction action) {
        if (!settings.configured()) {
            return new NotConfigured();
        }
        // the agent is the "client"; the employee's address and the hourly Incode budget are shared with self-service
        if (limits.tryStart(agent.actor().label(), OpaqueTokens.hash(email.value())).isPresent()) {
            store.note(null, null, AuditType.HELPDESK_LIMITED, agent.actor(), AuditOutcome.LIMITED, ticket == null ? null : "ticket " + ticket);
            return new Limited();
        }
        RecoveryService.Eligibility eligibility;
        try {
            eligibility = recovery.eligibility(email);
        } catch (DirectoryUnavailableException e) {
            LOG.log(Level.WARNING, "Directory unavailable for a helpdesk request: {0}", e.getMessage());
            return new Unavailable("The directory cannot be reached just now. Nothing was sent; try again in a minute.");
        }
        String userId = eligibility.account().map(DirectoryAccount::id).orElse(null);
        Refusal refusal = eligibility.refusal() != null ? eligibility.refusal()
                : agent.oid().equals(userId) ? Refusal.of(RefusalReason.OWN_ACCOUNT) : null;
        if (refusal != null) {
            meters.refused("helpdesk", refusal.reason().name());
            store.note(null, userId, AuditType.HELPDESK_REFUSED, agent.actor(), AuditOutcome.REFUSED, refusal.text() + (ticket == null ? "" : "; ticket " + ticket));
            return new Refused(forAgent(refusal));
        }
        DirectoryAccount account = eligibility.account().orElseThrow();
        VerificationRequests.Session session;
        try {
            session = incode.requestNew(loginHint(account));
        } catch (ProofingUnavailableException e) {
            LOG.log(Level.WARNING, "Incode B2B request-new failed: {0}", e.getMessage());
            store.note(null, userId, AuditType.HELPDESK_INCODE_UNAVAILABLE, agent.actor(), AuditOutcome.ERROR, e.getMessage());
            return new Unavailable("Incode cannot start a verification just now. Nothing was sent; try again in a few minutes.");
        }
        Attempt a = attempt(account.id(), email.value(), action, session.interviewId(), agent.oid(), eligibility.sensitive(),
                store.now(), settings.requestLifetime());
        HelpdeskRequest r = store.open(a, agent.oid(), agent.name(), ticket, account.userPrincipalName());
        try {
            mailer.send(account.notificationAddresses(), "Confirm it is you: your IT helpdesk asked for an identity check",
                    verificationMail(account, ticket, session));
            store.note(a.getId(), account.id(), AuditType.NOTIFICATION_HELPDESK_LINK, HelpdeskStore.PORTAL, AuditOutcome.OK,
                    account.notificationAddresses().size() + " address(es)");
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Helpdesk verification link not sent for request {0}: {1}",
                    new Object[] {r.getId(), e.getClass().getSimpleName()});
            store.note(a.getId(), account.id(), AuditType.NOTIFICATION_HELPDESK_LINK, HelpdeskStore.PORTAL, AuditOutcome.ERROR, e.getClass().getSimpleName());
            store.giveUp(r.getId(), "The link could not be emailed to the employee, so nothing was sent. Send a new one.");
        }
        return new Created(r.getId());
    }

    /**
     * The attempt behind a helpdesk request, waiting for Incode's result. Its raw id is thrown away at once: no
     * browser holds it until the employee opens a reset link.
     */
    static Attempt attempt(String userId, String email, Attempt.RequestedAction action, String interviewId, String agentId,
            boolean sensitive, Instant now, Duration lifetime) {
        Attempt a = new Attempt(OpaqueTokens.hash(OpaqueTokens.generate()), Attempt.Kind.HELPDESK, action, email, now, lifetime);
        a.bindDirectoryUser(userId);
        if (sensitive) {
            a.markHighRisk();
        }
        // set now, not when a case opens: the agent may never decide a review of a verification they asked for
        a.escalatedBy(agentId);
        a.recordVerification(interviewId, null);
        a.moveTo(State.STARTED, State.VERIFYING, now);
        return a;
    }

    /** The address Incode matches the employee by (seed 000: "typically email"): the account's, not what was typed. */
    private static String loginHint(DirectoryAccount account) {
        return account.mail() == null || account.mail().isBlank() ? account.userPrincipalName() : account.mail();
    }

    /** The eligibility check's reason in words for an agent. */
    static String forAgent(Refusal refusal) {
        return switch (refusal.reason()) {
            case NO_ACCOUNT -> "No account in the directory has this address. Check the spelling with the caller.";
            case SEVERAL_ACCOUNTS -> "More than one account has this address (" + refusal.text() + "), so the portal cannot tell whose it is. "
                    + "Ask the directory team to fix the duplicate.";
            case ACCOUNT_DISABLED -> "The account is disabled. A verification cannot enable it; follow the procedure for disabled accounts.";
            case DIRECTORY_ROLE, PROTECTED_GROUP -> "This is a privileged account ("
                    + refusal.text().substring(refusal.text().indexOf(':') + 1).trim() + "). The helpdesk "
                    + "never recovers privileged accounts; follow the privileged-account procedure.";
            case OWN_ACCOUNT -> "This is your own account. Ask a colleague to help you, or use the self-service start page.";
        };
    }

    private String verificationMail(DirectoryAccount account, String ticket, VerificationRequests.Session session) {
        return "Hello,\n\n"
                + "You asked the IT helpdesk for help with your work account " + account.userPrincipalName()
                + (ticket == null ? "" : " (ticket " + ticket + ")") + ". Before the helpdesk changes anything, please prove "
                + "it is you with a photo ID and a selfie. Open this link on a phone or computer with a camera:\n\n"
                + session.link() + "\n\n"
                + "It takes about five minutes. Our identity partner Incode checks your ID; the helpdesk only learns whether "
                + "the check succeeded.\n\n"
                + "If you did not contact the helpdesk, do not open the link, and tell " + config.helpdeskContact()
                + " straight away. We will never ask you for your password.\n";
    }

    // ---- status ----

    /** One of an agent's requests as their list shows it. */
    public record Listed(long id, String employee, String ticket, Instant linkSentAt, HelpdeskStatus status) implements java.io.Serializable {

        private static final long serialVersionUID = 1L;
    }

    /** The agent's latest requests, newest first. */
    public List<Listed> requestsOf(StaffPrincipal agent) {
        return store.forAgent(agent.oid(), 50).stream()
                .map(r -> new Listed(r.getId(), r.getEmployee(), r.getTicket(), r.getLinkSentAt(), r.getStatus())).toList();
    }

    /** The request, if it is this agent's. */
    public Optional<RequestView> view(long requestId, StaffPrincipal agent) {
        return store.view(requestId, agent.oid());
    }

    /** What a session notification led to. */
    public enum Progress { APPLIED, NO_SUCH_REQUEST, RESULT_NOT_READY }

    /** Incode says the employee opened the link: In Progress (a late notice never moves a request back). */
    public Progress sessionStarted(String interviewId, Instant at) {
        Optional<HelpdeskRequest> r = store.byInterview(interviewId);
        // Incode's own time keeps the timeline right when notifications arrive late; never a time still to come
        Instant when = at == null || at.isAfter(store.now()) ? store.now() : at;
        r.ifPresent(x -> store.advance(x.getId(), HelpdeskStatus.IN_PROGRESS, when, "session started at Incode", Actor.incodeWebhook()));
        return r.isPresent() ? Progress.APPLIED : Progress.NO_SUCH_REQUEST;
    }

    /**
     * Incode says the session ended (succeeded, failed, waits for Incode's review, or finished): fetch the result
     * and judge it. RESULT_NOT_READY when Incode has no result yet, so the notification is tried again later.
     *
     * @throws ProofingUnavailableException when Incode cannot be asked now
     */
    public Progress sessionEnded(String interviewId) {
        Optional<HelpdeskRequest> r = store.byInterview(interviewId);
        return r.isEmpty() ? Progress.NO_SUCH_REQUEST : settle(r.get(), Actor.incodeWebhook());
    }

    /** "Check with Incode now": the agent's way round a notification that never came. */
    public Optional<Progress> checkNow(long requestId, StaffPrincipal agent) {
        return store.view(requestId, agent.oid()).flatMap(v -> store.find(requestId)).map(r -> settle(r, HelpdeskStore.PORTAL));
    }

    private Progress settle(HelpdeskRequest r, Actor by) {
        if (store.attemptState(r.getId()) != State.VERIFYING) {
            store.followAttempt(r.getId(), by);
            return Progress.APPLIED;
        }
        Optional<VerificationResult> result = incode.result(r.getInterviewId());
        if (result.isEmpty()) {
            return Progress.RESULT_NOT_READY;
        }
        // only one caller judges: any other finds the attempt claimed and just follows its verdict
        store.claimForJudging(r.getId(), by).ifPresent(rawId -> recovery.judgeVerified(rawId, result.get()));
        store.followAttempt(r.getId(), by);
        return Progress.APPLIED;
    }

    /** A reviewer decided a helpdesk case: the agent's page follows (approval: Success, denial: Failed). */
    void caseDecided(@Observes CaseDecided decided) {
        if (decided.kind().policy().agentFollowsCase()) {
            store.byAttempt(decided.attemptId()).ifPresent(r -> store.followAttempt(r.getId(), HelpdeskStore.PORTAL));
        }
    }

    // ---- the reset ----

    /** What "send the reset link" came to, in words for the agent. */
    public record ResetLinkOutcome(boolean sent, String message) {
    }

    /**
     * Emails the employee a single-use, expiring link to the portal's reset page for this request's attempt, if
     * the verification succeeded. The agent learns only that it was sent.
     */
    public ResetLinkOutcome sendResetLink(long requestId, StaffPrincipal agent) {
        Optional<RequestView> view = store.view(requestId, agent.oid());
        if (view.isEmpty() || !view.get().canSendResetLink()) {
            return new ResetLinkOutcome(false, "A reset link can only be sent while the verification shows Success and has not expired.");
        }
        HelpdeskRequest r = store.find(requestId).orElseThrow();
        List<String> to;
        try {
            // read now: the addresses as the directory has them when the link goes out
            to = directory.findById(r.getDirectoryUserId()).map(DirectoryAccount::notificationAddresses).orElse(List.of());
        } catch (DirectoryUnavailableException | DirectoryRefusedException e) {
            to = List.of();
        }
        if (to.isEmpty()) {
            return new ResetLinkOutcome(false, "The directory cannot be read just now, so the reset link was not sent. Try again in a minute.");
        }
        String token = OpaqueTokens.generate();
        Instant expires = store.now().plus(settings.linkLifetime());
        boolean stored;
        try {
            stored = store.resetLinkSent(requestId, OpaqueTokens.hash(token), expires, agent.actor());
        } catch (HelpdeskStore.ConcurrentChange e) {
            stored = false;
        }
        if (!stored) {
            return new ResetLinkOutcome(false, "The request changed meanwhile; reload the page and try again.");
        }
        try {
            mailer.send(to, "Your helpdesk identity check succeeded: reset your sign-in", resetMail(view.get(), r, token, expires));
            store.note(r.getAttemptId(), r.getDirectoryUserId(), AuditType.NOTIFICATION_HELPDESK_RESET_LINK, HelpdeskStore.PORTAL, AuditOutcome.OK, to.size() + " address(es)");
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Helpdesk reset link not sent for request {0}: {1}", new Object[] {requestId, e.getClass().getSimpleName()});
            store.note(r.getAttemptId(), r.getDirectoryUserId(), AuditType.NOTIFICATION_HELPDESK_RESET_LINK, HelpdeskStore.PORTAL, AuditOutcome.ERROR, e.getClass().getSimpleName());
            return new ResetLinkOutcome(false, "The reset link could not be emailed just now. Try again in a minute.");
        }
        return new ResetLinkOutcome(true, "The reset link is on its way to the employee's " + to.size() + " address(es). It works once, until "
                + UNTIL.format(expires) + ". Ask the caller to open it; you will see here when they have finished.");
    }

    private String resetMail(RequestView view, HelpdeskRequest r, String token, Instant expires) {
        return "Hello,\n\n"
                + "Your identity check for the IT helpdesk" + (r.getTicket() == null ? "" : " (ticket " + r.getTicket() + ")")
                + " succeeded. You can now reset " + view.what() + " of " + r.getEmployee() + " yourself, here:\n\n"
                + config.baseUrl() + "/reset-link.xhtml?token=" + token + "\n\n"
                + "The link works once, until " + UNTIL.format(expires) + ". Nobody at the helpdesk sees your new password or pass.\n\n"
                + "If you did not contact the helpdesk, do not open the link, and tell " + config.helpdeskContact() + " straight away.\n";
    }

    /** Whether a reset link can still be opened (its confirmation page; a GET changes nothing). */
    public boolean resetLinkUsable(String token) {
        return store.resetLinkUsable(token);
    }

    /**
     * Opens a reset link (the employee's button): returns the attempt's new raw id for their attempt cookie, or empty
     * when the link is used, expired or no longer leads to a reset.
     */
    public Optional<String> openResetLink(String token) {
        try {
            return store.openResetLink(token, recoverySettings.attemptLifetime());
        } catch (HelpdeskStore.ConcurrentChange e) {
            return Optional.empty();
        }
    }

    /** How long the attempt cookie set from a reset link should live. */
    public Duration attemptLifetime() {
        return recoverySettings.attemptLifetime();
    }
}
