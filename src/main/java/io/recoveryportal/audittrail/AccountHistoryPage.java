package io.recoveryportal.audittrail;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.staff.CurrentStaff;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * One account's whole history on one page: every attempt (kind, what was asked, where it ended, its
 * case), every reviewer's decision, and every audit event about the account, newest first. Viewing
 * it is an audit event.
 */
@Named("accountHistory")
@RequestScoped
public class AccountHistoryPage {

  static final int MAX_EVENTS = 2_000;

  @Inject io.recoveryportal.i18n.Language language;

  @Inject AuditQueries queries;

  @Inject AuditTrailStore store;

  @Inject AuditNotes notes;

  @Inject CurrentStaff staff;

  private String account;
  private String accountId;
  private String problem;
  private List<AttemptRow> attempts = List.of();
  private List<DecisionRow> decisions = List.of();
  private List<AuditRow> events = List.of();

  public void load() {
    if (account == null || account.isBlank()) {
      problem = language.text(Text.of("audit.problem.give-account"));
      return;
    }
    AuditQueries.Resolved r = queries.account(account);
    if (r.problem() != null) {
      problem = language.text(r.problem());
      return;
    }
    accountId = r.query().directoryUserId();
    attempts = store.attempts(accountId);
    decisions = store.decisions(accountId);
    events = store.search(r.query(), null, MAX_EVENTS);
    staff
        .principal()
        .ifPresent(
            p ->
                notes.note(
                    AuditType.AUDIT_HISTORY_VIEWED,
                    p.actor(),
                    accountId,
                    AuditOutcome.OK,
                    attempts.size()
                        + " attempts, "
                        + decisions.size()
                        + " decisions, "
                        + events.size()
                        + " events"));
  }

  public boolean isFull() {
    return events.size() == MAX_EVENTS;
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }

  public String getAccountId() {
    return accountId;
  }

  public String getProblem() {
    return problem;
  }

  public List<AttemptRow> getAttempts() {
    return attempts;
  }

  public List<DecisionRow> getDecisions() {
    return decisions;
  }

  public List<AuditRow> getEvents() {
    return events;
  }
}
