package io.recoveryportal.review;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.notification.Mailer;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.CaseOpened;
import io.recoveryportal.recovery.RecoverySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The review's emails. Reviewers hear of new and overdue cases at the configured address, by reference only:
 * no name or birthdate leaves the portal in a reviewers' mailbox. The employee hears of the decision on their
 * recovery at their notification addresses, with no reason for a denial (an impostor must not learn what to fix).
 * A mail that cannot be sent is audited and logged; it never undoes a decision.
 */
@ApplicationScoped
public class ReviewNotices {

    private static final Logger LOG = Logger.getLogger(ReviewNotices.class.getName());
    private static final Actor SYSTEM = Actor.system(null);

    @Inject
    Mailer mailer;

    @Inject
    PortalConfig config;

    @Inject
    ReviewSettings settings;

    @Inject
    ReviewStore store;

    @Inject
    DirectoryAccounts directory;

    @Inject
    RecoverySettings recovery;

    void caseOpened(@Observes CaseOpened opened) {
        settings.notifyAddress().ifPresent(to -> send(opened.reference(), List.of(to), "New review case " + opened.reference(),
                "A new case is waiting in the review queue.\n\n"
                        + "Case: " + opened.reference() + "\n"
                        + "Kind: " + opened.kind().name().toLowerCase(java.util.Locale.ROOT) + "\n"
                        + "Reason: " + opened.reason().label() + "\n"
                        + "Risk: " + (opened.highRisk() ? "high (two approvers, the second a senior reviewer)" : "standard") + "\n"
                        + "Decide within: " + Durations.text(settings.sla()) + "\n\n"
                        + caseLink(opened.reference()) + "\n", AuditType.NOTIFICATION_REVIEWERS_NEW_CASE));
    }

    /** Tells reviewers that these cases have waited past the SLA. */
    public void overdue(List<String> references) {
        if (references.isEmpty()) {
            return;
        }
        settings.notifyAddress().ifPresent(to -> references.forEach(ref -> send(ref, List.of(to), "Overdue review case " + ref,
                "Case " + ref + " has waited longer than " + Durations.text(settings.sla()) + " and is still open.\n"
                        + "Someone is locked out until it is decided.\n\n" + caseLink(ref) + "\n", AuditType.NOTIFICATION_REVIEWERS_OVERDUE)));
    }

    void caseDecided(@Observes CaseDecided decided) {
        if (!decided.kind().policy().employeeMailedOfDecision() || decided.directoryUserId() == null) {
            return;
        }
        Optional<DirectoryAccount> account;
        try {
            account = directory.findById(decided.directoryUserId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Decision notice for case {0} not sent: directory unavailable", decided.reference());
            store.note(decided.reference(), AuditType.NOTIFICATION_FAILED, SYSTEM, AuditOutcome.ERROR, "directory unavailable for the decision notice");
            return;
        }
        if (account.isEmpty()) {
            return;
        }
        boolean approved = decided.result() == ReviewCases.Result.APPROVED;
        String body = approved
                ? "Hello,\n\nYour request to recover your work account (case " + decided.reference() + ") has been approved.\n\n"
                        + "If the page where you started is still open, it moves on by itself to the next step. Otherwise go to\n"
                        + config.baseUrl() + "/\nand start again with the same email address: after the identity check you go "
                        + "straight to the reset, without another review, for the next " + Durations.text(recovery.approvalWindow()) + ".\n\n"
                        + "If you did not ask for this, contact " + config.helpdeskContact() + " straight away.\n"
                : "Hello,\n\nWe could not approve your request to recover your work account (case " + decided.reference() + ").\n\n"
                        + "Please contact " + config.helpdeskContact() + ", who can help you get back in another way. Quote case "
                        + decided.reference() + ".\n\nIf you did not ask for this, tell the helpdesk too.\n";
        send(decided.reference(), account.get().notificationAddresses(),
                approved ? "Your account recovery was approved" : "Your account recovery request", body,
                approved ? AuditType.NOTIFICATION_EMPLOYEE_APPROVED : AuditType.NOTIFICATION_EMPLOYEE_DENIED);
    }

    private String caseLink(String reference) {
        return config.baseUrl() + "/review/case.xhtml?ref=" + reference;
    }

    private void send(String reference, List<String> to, String subject, String body, AuditType auditType) {
        try {
            mailer.send(to, subject, body);
            store.note(reference, auditType, SYSTEM, AuditOutcome.OK, to.size() + " address(es)");
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Review notice for case {0} could not be sent: {1}", new Object[] {reference, e.getClass().getSimpleName()});
            store.note(reference, auditType, SYSTEM, AuditOutcome.ERROR, e.getClass().getSimpleName());
        }
    }
}
