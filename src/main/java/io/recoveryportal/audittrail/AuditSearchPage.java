package io.recoveryportal.audittrail;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.staff.CurrentStaff;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The search page: its criteria come from the query string (a GET form, so a search can be
 * bookmarked and nothing changes by looking), the newest {@link #MAX} matching events are shown,
 * and the same query can be downloaded as CSV. Each search is itself an audit event
 * (AUDIT_SEARCHED), naming the staff member and the criteria.
 */
@Named("auditSearch")
@RequestScoped
public class AuditSearchPage {

  static final int MAX = 200;

  @Inject io.recoveryportal.i18n.Language language;

  @Inject AuditQueries queries;

  @Inject AuditTrailStore store;

  @Inject AuditNotes notes;

  @Inject CurrentStaff staff;

  private String account;
  private String attempt;
  private String staffMember;
  private String type;
  private String from;
  private String to;
  private String problem;
  private String accountId;
  private List<AuditRow> rows = List.of();

  /** The page's view action, after the query string is applied. */
  public void load() {
    AuditQueries.Resolved r = queries.resolve(form());
    if (r.problem() != null) {
      problem = language.text(r.problem());
      return;
    }
    accountId = r.query().directoryUserId();
    rows = store.search(r.query(), null, MAX);
    staff
        .principal()
        .ifPresent(
            p ->
                notes.note(
                    AuditType.AUDIT_SEARCHED,
                    p.actor(),
                    r.query().directoryUserId(),
                    AuditOutcome.OK,
                    r.query().describe() + "; " + rows.size() + " shown"));
  }

  AuditQueries.Form form() {
    return new AuditQueries.Form(account, attempt, staffMember, type, from, to);
  }

  /** The export link: the same criteria, as typed. */
  public String getExportQuery() {
    StringBuilder b = new StringBuilder();
    param(b, "account", account);
    param(b, "attempt", attempt);
    param(b, "staff", staffMember);
    param(b, "type", type);
    param(b, "from", from);
    param(b, "to", to);
    return b.toString();
  }

  private static void param(StringBuilder b, String name, String value) {
    if (value != null && !value.isBlank()) {
      b.append(b.length() == 0 ? "" : "&")
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
    }
  }

  public AuditType[] getTypes() {
    return AuditType.values();
  }

  public List<AuditRow> getRows() {
    return rows;
  }

  public boolean isFull() {
    return rows.size() == MAX;
  }

  public int getMax() {
    return MAX;
  }

  public String getProblem() {
    return problem;
  }

  public String getAccountId() {
    return accountId;
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }

  public String getAttempt() {
    return attempt;
  }

  public void setAttempt(String attempt) {
    this.attempt = attempt;
  }

  public String getStaff() {
    return staffMember;
  }

  public void setStaff(String staffMember) {
    this.staffMember = staffMember;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
