package io.recoveryportal.activation;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryProfile;
import io.recoveryportal.notification.MailTemplate;
import io.recoveryportal.notification.MailTemplate.Fragment;
import io.recoveryportal.notification.MailTemplates;
import io.recoveryportal.notification.Mailer;
import io.recoveryportal.reset.ResetDone;
import io.recoveryportal.review.CaseDecided;
import io.recoveryportal.review.ReviewCases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Activation's emails: the invitation (to the personal address only: the new hire cannot read their
 * work mail yet), the notice that the account is active (to the personal address and the manager,
 * if the directory names one), and a reviewer's decision on an activation case. A mail that cannot
 * be sent is audited and logged.
 */
@ApplicationScoped
public class ActivationNotices {

  private static final Logger LOG = Logger.getLogger(ActivationNotices.class.getName());
  private static final AuditType MANAGER_NOTICE = AuditType.NOTIFICATION_ACTIVATED_MANAGER;

  @Inject Mailer mailer;

  @Inject PortalConfig config;

  @Inject ActivationSettings settings;

  @Inject InvitationStore store;

  @Inject DirectoryAccounts directory;

  void invitation(InvitationStore.Issued issued) {
    Invitation i = issued.invitation();
    // the invitation keeps no language of its own: the new hire's is not read again here (no extra
    // Graph call)
    Locale language = config.defaultLanguage();
    String startNote =
        i.getHireDate() == null
            ? ""
            : MailTemplates.fragment(
                Fragment.ACTIVATION_START_NOTE,
                language,
                Map.of("day", MailTemplates.day(i.getHireDate(), language)));
    MailTemplates.Mail mail =
        MailTemplates.render(
            MailTemplate.ACTIVATION_INVITATION,
            language,
            Map.of(
                "organisation",
                config.organisationName(),
                "account",
                i.getUserPrincipalName(),
                "startNote",
                startNote,
                "link",
                config.baseUrl() + "/activate.xhtml?token=" + issued.token(),
                "until",
                MailTemplates.at(i.getExpiresAt(), language),
                "daysBeforeHire",
                settings.daysBeforeHire()));
    send(
        List.of(i.getPersonalEmail()),
        mail,
        AuditType.NOTIFICATION_INVITATION,
        i.getDirectoryUserId(),
        null);
  }

  /**
   * The account is active: tell the new hire (personal address) and their manager, if the directory
   * names one. Two messages, so neither learns the other's address, and each audited on its own:
   * the success page says the manager was told only when that message went out ({@link
   * #managerTold}).
   */
  void activated(@Observes ResetDone done) {
    if (!done.kind().policy().activatesAccount()) {
      return;
    }
    DirectoryAccount acc = done.account();
    Instant when = store.now();
    store
        .forAttempt(done.attemptId())
        .ifPresent(
            i ->
                send(
                    List.of(i.getPersonalEmail()),
                    activatedMail(acc, when, config.languageOf(acc.preferredLanguage())),
                    AuditType.NOTIFICATION_ACTIVATED,
                    acc.id(),
                    done.attemptId()));
    // each in their own language: the manager's preferredLanguage comes with the read that finds
    // their address
    manager(acc.id())
        .ifPresent(
            m ->
                send(
                    List.of(m.notificationAddresses().get(0)),
                    activatedMail(acc, when, config.languageOf(m.preferredLanguage())),
                    MANAGER_NOTICE,
                    acc.id(),
                    done.attemptId()));
  }

  private MailTemplates.Mail activatedMail(DirectoryAccount acc, Instant when, Locale language) {
    return MailTemplates.render(
        MailTemplate.ACTIVATION_ACTIVATED,
        language,
        Map.of(
            "account",
            acc.userPrincipalName(),
            "displayName",
            acc.displayName(),
            "when",
            MailTemplates.at(when, language),
            "helpdesk",
            config.helpdeskContact(language)));
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
    Locale language = config.defaultLanguage();
    MailTemplates.Mail mail =
        MailTemplates.render(
            approved ? MailTemplate.ACTIVATION_APPROVED : MailTemplate.ACTIVATION_DENIED,
            language,
            Map.of("reference", decided.reference(), "helpdesk", config.helpdeskContact(language)));
    send(
        List.of(invitation.get().getPersonalEmail()),
        mail,
        approved
            ? AuditType.NOTIFICATION_ACTIVATION_APPROVED
            : AuditType.NOTIFICATION_ACTIVATION_DENIED,
        decided.directoryUserId(),
        decided.attemptId());
  }

  private Optional<DirectoryAccount> manager(String userId) {
    try {
      return directory
          .profile(userId)
          .map(DirectoryProfile::managerId)
          .flatMap(directory::findById)
          .filter(m -> !m.notificationAddresses().isEmpty());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Manager could not be read for an activation notice: {0}",
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private void send(
      List<String> to, MailTemplates.Mail mail, AuditType type, String userId, Long attemptId) {
    if (to.isEmpty()) {
      return;
    }
    AuditOutcome outcome;
    try {
      mailer.send(to, mail);
      outcome = AuditOutcome.OK;
    } catch (MessagingException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Activation notice {0} could not be sent: {1}",
          new Object[] {type, e.getClass().getSimpleName()});
      outcome = AuditOutcome.ERROR;
    }
    store.note(type, userId, attemptId, outcome, to.size() + " address(es)");
  }
}
