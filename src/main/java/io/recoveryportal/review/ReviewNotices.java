package io.recoveryportal.review;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.i18n.Texts;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.notification.MailTemplate;
import io.recoveryportal.notification.MailTemplate.Fragment;
import io.recoveryportal.notification.MailTemplates;
import io.recoveryportal.notification.Mailer;
import io.recoveryportal.recovery.RecoverySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The review's emails. Reviewers hear of new and overdue cases at the configured address, by
 * reference only: no name or birthdate leaves the portal in a reviewers' mailbox. The employee
 * hears of the decision on their recovery at their notification addresses, with no reason for a
 * denial (an impostor must not learn what to fix). A mail that cannot be sent is audited and
 * logged; it never undoes a decision.
 */
@ApplicationScoped
public class ReviewNotices {

  private static final Logger LOG = Logger.getLogger(ReviewNotices.class.getName());
  private static final Actor SYSTEM = Actor.system(null);

  @Inject Mailer mailer;

  @Inject PortalConfig config;

  @Inject ReviewSettings settings;

  @Inject ReviewStore store;

  @Inject DirectoryAccounts directory;

  @Inject RecoverySettings recovery;

  void caseOpened(@Observes CaseOpened opened) {
    // the reviewers' address is no directory user: it gets the default language
    Locale language = config.defaultLanguage();
    String risk =
        MailTemplates.fragment(
            opened.highRisk() ? Fragment.REVIEW_RISK_HIGH : Fragment.REVIEW_RISK_STANDARD,
            language,
            Map.of());
    settings
        .notifyAddress()
        .ifPresent(
            to ->
                send(
                    opened.reference(),
                    List.of(to),
                    MailTemplates.render(
                        MailTemplate.REVIEW_NEW_CASE,
                        language,
                        Map.of(
                            "reference",
                            opened.reference(),
                            "kind",
                            Texts.text(language, "kind." + opened.kind().name()),
                            "reason",
                            Texts.text(language, "reason." + opened.reason().name()),
                            "risk",
                            risk,
                            "sla",
                            Texts.duration(settings.sla(), language),
                            "caseLink",
                            caseLink(opened.reference()))),
                    AuditType.NOTIFICATION_REVIEWERS_NEW_CASE));
  }

  /** Tells reviewers that these cases have waited past the SLA. */
  public void overdue(List<String> references) {
    if (references.isEmpty()) {
      return;
    }
    Locale language = config.defaultLanguage();
    settings
        .notifyAddress()
        .ifPresent(
            to ->
                references.forEach(
                    ref ->
                        send(
                            ref,
                            List.of(to),
                            MailTemplates.render(
                                MailTemplate.REVIEW_OVERDUE,
                                language,
                                Map.of(
                                    "reference",
                                    ref,
                                    "sla",
                                    Texts.duration(settings.sla(), language),
                                    "caseLink",
                                    caseLink(ref))),
                            AuditType.NOTIFICATION_REVIEWERS_OVERDUE)));
  }

  void caseDecided(@Observes CaseDecided decided) {
    if (!decided.kind().policy().employeeMailedOfDecision() || decided.directoryUserId() == null) {
      return;
    }
    Optional<DirectoryAccount> account;
    try {
      account = directory.findById(decided.directoryUserId());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Decision notice for case {0} not sent: directory unavailable",
          decided.reference());
      store.note(
          decided.reference(),
          AuditType.NOTIFICATION_FAILED,
          SYSTEM,
          AuditOutcome.ERROR,
          "directory unavailable for the decision notice");
      return;
    }
    if (account.isEmpty()) {
      return;
    }
    boolean approved = decided.result() == ReviewCases.Result.APPROVED;
    Locale language = config.languageOf(account.get().preferredLanguage());
    MailTemplates.Mail mail =
        approved
            ? MailTemplates.render(
                MailTemplate.REVIEW_APPROVED,
                language,
                Map.of(
                    "reference",
                    decided.reference(),
                    "startLink",
                    config.baseUrl() + "/",
                    "approvalWindow",
                    Texts.duration(recovery.approvalWindow(), language),
                    "helpdesk",
                    config.helpdeskContact(language)))
            : MailTemplates.render(
                MailTemplate.REVIEW_DENIED,
                language,
                Map.of(
                    "reference",
                    decided.reference(),
                    "helpdesk",
                    config.helpdeskContact(language)));
    send(
        decided.reference(),
        account.get().notificationAddresses(),
        mail,
        approved
            ? AuditType.NOTIFICATION_EMPLOYEE_APPROVED
            : AuditType.NOTIFICATION_EMPLOYEE_DENIED);
  }

  private String caseLink(String reference) {
    return config.baseUrl() + "/review/case.xhtml?ref=" + reference;
  }

  private void send(
      String reference, List<String> to, MailTemplates.Mail mail, AuditType auditType) {
    try {
      mailer.send(to, mail);
      store.note(reference, auditType, SYSTEM, AuditOutcome.OK, to.size() + " address(es)");
    } catch (MessagingException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Review notice for case {0} could not be sent: {1}",
          new Object[] {reference, e.getClass().getSimpleName()});
      store.note(reference, auditType, SYSTEM, AuditOutcome.ERROR, e.getClass().getSimpleName());
    }
  }
}
