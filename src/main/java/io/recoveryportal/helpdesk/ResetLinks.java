package io.recoveryportal.helpdesk;

import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryRefusedException;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.notification.MailTemplates;
import io.recoveryportal.recovery.RecoverySettings;
import io.recoveryportal.security.OpaqueTokens;
import io.recoveryportal.staff.StaffPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The end of a helpdesk request: once the verification shows Success, the agent has the employee emailed a single-use,
 * expiring link to the portal's reset page, and the employee's browser opens it and takes over the attempt. The agent
 * never sees a password, a pass or the link.
 */
@ApplicationScoped
public class ResetLinks {

    @Inject
    HelpdeskStore store;

    @Inject
    DirectoryAccounts directory;

    @Inject
    HelpdeskMails mails;

    @Inject
    HelpdeskSettings settings;

    @Inject
    RecoverySettings recoverySettings;

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
        if (!mails.resetLink(r, to, view.get().what(), token, expires)) {
            return new ResetLinkOutcome(false, "The reset link could not be emailed just now. Try again in a minute.");
        }
        return new ResetLinkOutcome(true, "The reset link is on its way to the employee's " + to.size() + " address(es). It works once, until "
                + MailTemplates.at(expires) + ". Ask the caller to open it; you will see here when they have finished.");
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
