package io.recoveryportal.notification;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.reset.AccountReset;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the owner of an account that it was recovered, at every notification address it has, with a
 * single-use "this wasn't me" link (NIST 800-63B-4 §4.2: a recovery always notifies, with a way to
 * disown it). Following the link and confirming disables the account and signs it out everywhere.
 */
@ApplicationScoped
public class ResetNotices {

  private static final Logger LOG = Logger.getLogger(ResetNotices.class.getName());

  @Inject ReportLinks links;

  @Inject Mailer mailer;

  @Inject PortalConfig config;

  @Inject AccountReset directory;

  @Inject io.recoveryportal.recovery.RecoverySettings recovery;

  Clock clock = Clock.systemUTC();

  /**
   * Sends the notice. A mail failure is audited and logged but does not undo the reset: the person
   * has their account back, and the audit trail shows the notice is owed.
   */
  public void resetDone(
      long attemptId, DirectoryAccount account, Text what, Duration linkLifetime) {
    String token = OpaqueTokens.generate();
    Instant now = clock.instant();
    links.save(
        new ReportLink(
            OpaqueTokens.hash(token), attemptId, account.id(), now, now.plus(linkLifetime)));
    Locale language = config.languageOf(account.preferredLanguage());
    MailTemplates.Mail mail =
        MailTemplates.render(
            MailTemplate.RESET_NOTICE,
            language,
            Map.of(
                "what",
                what.in(language),
                "account",
                account.userPrincipalName(),
                "when",
                MailTemplates.at(now, language),
                "reportLink",
                config.baseUrl() + "/report.xhtml?token=" + token,
                "linkDays",
                linkLifetime.toDays()));
    try {
      mailer.send(account.notificationAddresses(), mail);
      links.audit(
          attemptId,
          account.id(),
          AuditType.NOTIFICATION_SENT,
          AuditOutcome.OK,
          account.notificationAddresses().size() + " address(es)");
    } catch (MessagingException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Reset notice could not be sent for attempt {0}: {1}",
          new Object[] {attemptId, e.getMessage()});
      links.audit(
          attemptId,
          account.id(),
          AuditType.NOTIFICATION_FAILED,
          AuditOutcome.ERROR,
          e.getClass().getSimpleName());
    }
  }

  /** A recovery's credential step is done: the notice goes out (activation has its own notices). */
  void onReset(@jakarta.enterprise.event.Observes io.recoveryportal.reset.ResetDone done) {
    if (!done.kind().policy().activatesAccount()) {
      resetDone(done.attemptId(), done.account(), done.what(), recovery.reportLinkLifetime());
    }
  }

  /** Whether the token names a link that can still be used (for the confirmation page). */
  public boolean isUsable(String token) {
    return links.find(token).map(l -> l.usableAt(clock.instant())).orElse(false);
  }

  /**
   * "This wasn't me", confirmed: the account is disabled and signed out first (both idempotent, so
   * a double click is harmless), then the link is used up and an alert audited. If the directory
   * cannot be reached the link stays usable and the person is asked to try again or call the
   * helpdesk.
   */
  public boolean report(String token) {
    var link = links.find(token).filter(l -> l.usableAt(clock.instant()));
    if (link.isEmpty()) {
      return false;
    }
    directory.setEnabled(link.get().getDirectoryUserId(), false);
    directory.revokeSessions(link.get().getDirectoryUserId());
    links.useUp(token, clock.instant());
    return true;
  }
}
