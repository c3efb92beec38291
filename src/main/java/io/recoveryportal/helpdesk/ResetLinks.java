package io.recoveryportal.helpdesk;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.i18n.Moment;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryRefusedException;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.recovery.RecoverySettings;
import io.recoveryportal.security.OpaqueTokens;
import io.recoveryportal.staff.StaffPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The end of a helpdesk request: once the verification shows Success, the agent has the employee
 * emailed a single-use, expiring link to the portal's reset page, and the employee's browser opens
 * it and takes over the attempt. The agent never sees a password, a pass or the link.
 */
@ApplicationScoped
public class ResetLinks {

  @Inject HelpdeskStore store;

  @Inject DirectoryAccounts directory;

  @Inject HelpdeskMails mails;

  @Inject PortalConfig config;

  @Inject HelpdeskSettings settings;

  @Inject RecoverySettings recoverySettings;

  /** What "send the reset link" came to, in words for the agent. */
  public record ResetLinkOutcome(boolean sent, Text message) {}

  /**
   * Emails the employee a single-use, expiring link to the portal's reset page for this request's
   * attempt, if the verification succeeded. The agent learns only that it was sent.
   */
  public ResetLinkOutcome sendResetLink(long requestId, StaffPrincipal agent) {
    Optional<RequestView> view = store.view(requestId, agent.oid());
    if (view.isEmpty() || !view.get().canSendResetLink()) {
      return new ResetLinkOutcome(false, Text.of("helpdesk.reset-link.not-now"));
    }
    HelpdeskRequest r = store.find(requestId).orElseThrow();
    Optional<DirectoryAccount> account;
    try {
      // read now: the addresses (and the language) as the directory has them when the link goes out
      account = directory.findById(r.getDirectoryUserId());
    } catch (DirectoryUnavailableException | DirectoryRefusedException e) {
      account = Optional.empty();
    }
    List<String> to = account.map(DirectoryAccount::notificationAddresses).orElse(List.of());
    Locale language =
        config.languageOf(account.map(DirectoryAccount::preferredLanguage).orElse(null));
    if (to.isEmpty()) {
      return new ResetLinkOutcome(false, Text.of("helpdesk.reset-link.directory"));
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
      return new ResetLinkOutcome(false, Text.of("helpdesk.reset-link.changed"));
    }
    if (!mails.resetLink(r, to, language, view.get().what(language), token, expires)) {
      return new ResetLinkOutcome(false, Text.of("helpdesk.reset-link.mail-failed"));
    }
    return new ResetLinkOutcome(
        true,
        Text.of("helpdesk.reset-link.sent", "count", to.size(), "until", new Moment(expires)));
  }

  /** Whether a reset link can still be opened (its confirmation page; a GET changes nothing). */
  public boolean resetLinkUsable(String token) {
    return store.resetLinkUsable(token);
  }

  /**
   * Opens a reset link (the employee's button): returns the attempt's new raw id for their attempt
   * cookie, or empty when the link is used, expired or no longer leads to a reset.
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
