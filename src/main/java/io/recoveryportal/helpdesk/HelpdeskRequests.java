package io.recoveryportal.helpdesk;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.lookup.WorkEmail;
import io.recoveryportal.metrics.Meters;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.recovery.RateLimits;
import io.recoveryportal.recovery.RecoveryStart;
import io.recoveryportal.recovery.Refusal;
import io.recoveryportal.recovery.RefusalReason;
import io.recoveryportal.security.OpaqueTokens;
import io.recoveryportal.staff.StaffPrincipal;
import io.recoveryportal.verification.ProofingUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Helpdesk-initiated verification (seed 004), the requests: an agent on the phone sends the
 * caller's account a verification link (never shown to the agent: an impostor on the phone cannot
 * be handed it), and lists and opens their requests. How a request follows Incode's result is
 * {@link HelpdeskProgress}; the reset link that ends it, {@link ResetLinks}; the emails, {@link
 * HelpdeskMails}.
 */
@ApplicationScoped
public class HelpdeskRequests {

  private static final Logger LOG = Logger.getLogger(HelpdeskRequests.class.getName());

  @Inject Meters meters;

  @Inject HelpdeskStore store;

  @Inject RecoveryStart recovery;

  @Inject RateLimits limits;

  @Inject VerificationRequests incode;

  @Inject HelpdeskMails mails;

  @Inject HelpdeskSettings settings;

  @Inject io.recoveryportal.config.PortalConfig config;

  /** What "Send verification link" came to. */
  public sealed interface Sent permits Created, Refused, Limited, Unavailable, NotConfigured {}

  /** A request exists (its page says whether the link went out). */
  public record Created(long requestId) implements Sent {}

  /** The account may not be verified this way; {@code reason} is for the agent, who is staff. */
  public record Refused(Text reason) implements Sent {}

  public record Limited() implements Sent {}

  /** The directory or Incode cannot be used now; nothing was sent. */
  public record Unavailable(Text reason) implements Sent {}

  public record NotConfigured() implements Sent {}

  /**
   * Looks the account up and refuses what the helpdesk must not verify (the same rules as
   * self-service, plus the agent's own account); otherwise asks Incode for a session, records it,
   * and emails the link to the account's notification addresses. The link is never shown to the
   * agent: an impostor on the phone cannot be handed it.
   */
  public Sent send(
      StaffPrincipal agent, WorkEmail email, String ticket, Attempt.RequestedAction action) {
    if (!settings.configured()) {
      return new NotConfigured();
    }
    // the agent is the "client"; the employee's address and the hourly Incode budget are shared
    // with self-service
    if (limits.tryStart(agent.actor().label(), OpaqueTokens.hash(email.value())).isPresent()) {
      store.note(
          null,
          null,
          AuditType.HELPDESK_LIMITED,
          agent.actor(),
          AuditOutcome.LIMITED,
          ticket == null ? null : "ticket " + ticket);
      return new Limited();
    }
    RecoveryStart.Eligibility eligibility;
    try {
      eligibility = recovery.eligibility(email);
    } catch (DirectoryUnavailableException e) {
      LOG.log(Level.WARNING, "Directory unavailable for a helpdesk request: {0}", e.getMessage());
      return new Unavailable(Text.of("helpdesk.problem.directory"));
    }
    String userId = eligibility.account().map(DirectoryAccount::id).orElse(null);
    Refusal refusal =
        eligibility.refusal() != null
            ? eligibility.refusal()
            : agent.oid().equals(userId) ? Refusal.of(RefusalReason.OWN_ACCOUNT) : null;
    if (refusal != null) {
      meters.refused("helpdesk", refusal.reason().name());
      store.note(
          null,
          userId,
          AuditType.HELPDESK_REFUSED,
          agent.actor(),
          AuditOutcome.REFUSED,
          refusal.text() + (ticket == null ? "" : "; ticket " + ticket));
      return new Refused(forAgent(refusal));
    }
    DirectoryAccount account = eligibility.account().orElseThrow();
    VerificationRequests.Session session;
    try {
      session = incode.requestNew(loginHint(account));
    } catch (ProofingUnavailableException e) {
      LOG.log(Level.WARNING, "Incode B2B request-new failed: {0}", e.getMessage());
      store.note(
          null,
          userId,
          AuditType.HELPDESK_INCODE_UNAVAILABLE,
          agent.actor(),
          AuditOutcome.ERROR,
          e.getMessage());
      return new Unavailable(Text.of("helpdesk.problem.incode"));
    }
    Attempt a =
        attempt(
            account.id(),
            email.value(),
            action,
            session.interviewId(),
            agent.oid(),
            eligibility.sensitive(),
            store.now(),
            settings.requestLifetime());
    HelpdeskRequest r =
        store.open(a, agent.oid(), agent.name(), ticket, account.userPrincipalName());
    if (!mails.verificationLink(
        r,
        account.notificationAddresses(),
        config.languageOf(account.preferredLanguage()),
        account.userPrincipalName(),
        session.link().toString())) {
      store.giveUp(r.getId(), Text.of("helpdesk.problem.not-emailed"));
    }
    return new Created(r.getId());
  }

  /**
   * The attempt behind a helpdesk request, waiting for Incode's result. Its raw id is thrown away
   * at once: no browser holds it until the employee opens a reset link.
   */
  static Attempt attempt(
      String userId,
      String email,
      Attempt.RequestedAction action,
      String interviewId,
      String agentId,
      boolean sensitive,
      Instant now,
      Duration lifetime) {
    Attempt a =
        new Attempt(
            OpaqueTokens.hash(OpaqueTokens.generate()),
            Attempt.Kind.HELPDESK,
            action,
            email,
            now,
            lifetime);
    a.bindDirectoryUser(userId);
    if (sensitive) {
      a.markHighRisk();
    }
    // set now, not when a case opens: the agent may never decide a review of a verification they
    // asked for
    a.escalatedBy(agentId);
    a.recordVerification(interviewId, null);
    a.moveTo(State.STARTED, State.VERIFYING, now);
    return a;
  }

  /**
   * The address Incode matches the employee by (seed 000: "typically email"): the account's, not
   * what was typed.
   */
  private static String loginHint(DirectoryAccount account) {
    return account.mail() == null || account.mail().isBlank()
        ? account.userPrincipalName()
        : account.mail();
  }

  /** The eligibility check's reason in words for an agent. */
  static Text forAgent(Refusal refusal) {
    return switch (refusal.reason()) {
      case NO_ACCOUNT -> Text.of("helpdesk.refused.no-account");
      case SEVERAL_ACCOUNTS -> Text.of("helpdesk.refused.several", "detail", refusal.text());
      case ACCOUNT_DISABLED -> Text.of("helpdesk.refused.disabled");
      // the detail (a role or group) is the audit trail's wording, as recorded
      case DIRECTORY_ROLE, PROTECTED_GROUP ->
          Text.of(
              "helpdesk.refused.privileged",
              "detail",
              refusal.text().substring(refusal.text().indexOf(':') + 1).trim());
      case OWN_ACCOUNT -> Text.of("helpdesk.refused.own-account");
    };
  }

  /** One of an agent's requests as their list shows it. */
  public record Listed(
      long id, String employee, String ticket, Instant linkSentAt, HelpdeskStatus status)
      implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
  }

  /** The agent's latest requests, newest first. */
  public List<Listed> requestsOf(StaffPrincipal agent) {
    return store.forAgent(agent.oid(), 50).stream()
        .map(
            r ->
                new Listed(
                    r.getId(), r.getEmployee(), r.getTicket(), r.getLinkSentAt(), r.getStatus()))
        .toList();
  }

  /** The request, if it is this agent's. */
  public Optional<RequestView> view(long requestId, StaffPrincipal agent) {
    return store.view(requestId, agent.oid());
  }
}
