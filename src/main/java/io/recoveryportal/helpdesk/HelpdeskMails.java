package io.recoveryportal.helpdesk;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.notification.MailTemplate;
import io.recoveryportal.notification.MailTemplate.Fragment;
import io.recoveryportal.notification.MailTemplates;
import io.recoveryportal.notification.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The helpdesk's two emails to the employee, each audited whether it went out or not: the
 * verification link, and once the check succeeded, the reset link. Neither is ever shown to the
 * agent, nor logged.
 */
@ApplicationScoped
public class HelpdeskMails {

  private static final Logger LOG = Logger.getLogger(HelpdeskMails.class.getName());

  @Inject Mailer mailer;

  @Inject PortalConfig config;

  @Inject HelpdeskStore store;

  /**
   * The link to Incode's session, to the account's notification addresses. False when it could not
   * be sent.
   */
  boolean verificationLink(
      HelpdeskRequest r, List<String> to, Locale language, String account, String link) {
    MailTemplates.Mail mail =
        MailTemplates.render(
            MailTemplate.HELPDESK_LINK,
            language,
            Map.of(
                "account",
                account,
                "ticketNote",
                ticketNote(r.getTicket(), language),
                "link",
                link,
                "helpdesk",
                config.helpdeskContact(language)));
    return send(r, to, mail, AuditType.NOTIFICATION_HELPDESK_LINK);
  }

  /** The single-use link to the portal's reset page. False when it could not be sent. */
  boolean resetLink(
      HelpdeskRequest r,
      List<String> to,
      Locale language,
      String what,
      String token,
      Instant expires) {
    MailTemplates.Mail mail =
        MailTemplates.render(
            MailTemplate.HELPDESK_RESET_LINK,
            language,
            Map.of(
                "ticketNote",
                ticketNote(r.getTicket(), language),
                "what",
                what,
                "employee",
                r.getEmployee(),
                "link",
                config.baseUrl() + "/reset-link.xhtml?token=" + token,
                "until",
                MailTemplates.at(expires, language),
                "helpdesk",
                config.helpdeskContact(language)));
    return send(r, to, mail, AuditType.NOTIFICATION_HELPDESK_RESET_LINK);
  }

  private static String ticketNote(String ticket, Locale language) {
    return ticket == null
        ? ""
        : MailTemplates.fragment(Fragment.HELPDESK_TICKET_NOTE, language, Map.of("ticket", ticket));
  }

  private boolean send(
      HelpdeskRequest r, List<String> to, MailTemplates.Mail mail, AuditType type) {
    try {
      mailer.send(to, mail);
      store.note(
          r.getAttemptId(),
          r.getDirectoryUserId(),
          type,
          HelpdeskStore.PORTAL,
          AuditOutcome.OK,
          to.size() + " address(es)");
      return true;
    } catch (MessagingException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Helpdesk mail {0} not sent for request {1}: {2}",
          new Object[] {type, r.getId(), e.getClass().getSimpleName()});
      store.note(
          r.getAttemptId(),
          r.getDirectoryUserId(),
          type,
          HelpdeskStore.PORTAL,
          AuditOutcome.ERROR,
          e.getClass().getSimpleName());
      return false;
    }
  }
}
