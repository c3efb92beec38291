package io.recoveryportal.activation;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryProfile;
import io.recoveryportal.notification.Mailer;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.reset.ResetDone;
import io.recoveryportal.review.CaseDecided;
import io.recoveryportal.review.ReviewCases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Activation's emails: the invitation (to the personal address only: the new hire cannot read their work mail
 * yet), the notice that the account is active (to the personal address and the manager, if the directory names
 * one), and a reviewer's decision on an activation case. A mail that cannot be sent is audited and logged.
 */
@ApplicationScoped
public class ActivationNotices {

    private static final Logger LOG = Logger.getLogger(ActivationNotices.class.getName());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);
    private static final AuditType MANAGER_NOTICE = AuditType.NOTIFICATION_ACTIVATED_MANAGER;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    Mailer mailer;

    @Inject
    PortalConfig config;

    @Inject
    ActivationSettings settings;

    @Inject
    InvitationStore store;

    @Inject
    DirectoryAccounts directory;

    void invitation(InvitationStore.Issued issued) {
        Invitation i = issued.invitation();
        String body = "Hello,\n\n"
                + "Welcome to " + config.organisationName() + ". Your work account " + i.getUserPrincipalName() + " is ready to be activated"
                + (i.getHireDate() == null ? "" : " for your start on " + DAY.format(i.getHireDate())) + ".\n\n"
                + "To activate it, open this link. You will check your identity with a photo ID and a selfie; this replaces "
                + "a password sent by email or a call to the helpdesk:\n"
                + config.baseUrl() + "/activate.xhtml?token=" + issued.token() + "\n\n"
                + "The link works once, until " + WHEN.format(i.getExpiresAt()) + ", from " + settings.daysBeforeHire()
                + " days before your start date. Have your passport, ID card or driving licence ready.\n\n"
                + "If you were not expecting this email, you can ignore it. We will never ask you for a password.\n";
        send(List.of(i.getPersonalEmail()), "Activate your " + config.organisationName() + " work account", body,
                AuditType.NOTIFICATION_INVITATION, i.getDirectoryUserId(), null);
    }

    /**
     * The account is active: tell the new hire (personal address) and their manager, if the directory names one. Two
     * messages, so neither learns the other's address, and each audited on its own: the success page says the manager
     * was told only when that message went out ({@link #managerTold}).
     */
    void activated(@Observes ResetDone done) {
        if (!done.kind().policy().activatesAccount()) {
            return;
        }
        DirectoryAccount acc = done.account();
        String subject = "Work account activated: " + acc.displayName();
        String body = "Hello,\n\n"
                + "The work account " + acc.userPrincipalName() + " (" + acc.displayName() + ") was activated on "
                + WHEN.format(store.now()) + ", after an identity check with a photo ID and a selfie.\n\n"
                + "If this is unexpected, contact " + config.helpdeskContact() + " straight away.\n";
        store.forAttempt(done.attemptId()).ifPresent(i -> send(List.of(i.getPersonalEmail()), subject, body,
                AuditType.NOTIFICATION_ACTIVATED, acc.id(), done.attemptId()));
        managerAddress(acc.id()).ifPresent(m -> send(List.of(m), subject, body, MANAGER_NOTICE, acc.id(), done.attemptId()));
    }

    /** Whether the manager was sent the notice that this activation's account is active. */
    public boolean managerTold(long attemptId) {
        return store.noted(attemptId, MANAGER_NOTICE);
    }

    /** A reviewer decided an activation case: the new hire hears of it at their personal address. */
    void decided(@Observes CaseDecided decided) {
        if (!decided.kind().policy().activatesAccount()) {
            return;
        }
        Optional<Invitation> invitation = store.forAttempt(decided.attemptId());
        if (invitation.isEmpty()) {
            return;
        }
        boolean approved = decided.result() == ReviewCases.Result.APPROVED;
        String body = approved
                ? "Hello,\n\nYour identity check for your new work account (case " + decided.reference() + ") has been approved.\n\n"
                        + "If the activation page is still open, it moves on by itself. Otherwise ask whoever sent your invitation "
                        + "to send you a new link.\n"
                : "Hello,\n\nWe could not activate your work account with this identity check (case " + decided.reference() + ").\n\n"
                        + "Please contact " + config.helpdeskContact() + " or the person who invited you, quoting case "
                        + decided.reference() + ".\n";
        send(List.of(invitation.get().getPersonalEmail()), approved ? "Your identity check was approved" : "About your account activation",
                body, approved ? AuditType.NOTIFICATION_ACTIVATION_APPROVED : AuditType.NOTIFICATION_ACTIVATION_DENIED, decided.directoryUserId(),
                decided.attemptId());
    }

    private Optional<String> managerAddress(String userId) {
        try {
            return directory.profile(userId).map(DirectoryProfile::managerId)
                    .flatMap(directory::findById).map(m -> m.notificationAddresses().get(0));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Manager could not be read for an activation notice: {0}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private void send(List<String> to, String subject, String body, AuditType type, String userId, Long attemptId) {
        if (to.isEmpty()) {
            return;
        }
        AuditOutcome outcome;
        try {
            mailer.send(to, subject, body);
            outcome = AuditOutcome.OK;
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Activation notice {0} could not be sent: {1}", new Object[] {type, e.getClass().getSimpleName()});
            outcome = AuditOutcome.ERROR;
        }
        store.note(type, userId, attemptId, outcome, to.size() + " address(es)");
    }
}
