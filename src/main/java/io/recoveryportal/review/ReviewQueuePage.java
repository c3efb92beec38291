package io.recoveryportal.review;

import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.CaseReason;
import io.recoveryportal.staff.CurrentStaff;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The queue page's view state: the filters from the query string and the cases they select (loaded
 * once per request).
 */
@Named("queuePage")
@RequestScoped
public class ReviewQueuePage {

  @Inject io.recoveryportal.i18n.Language language;

  @Inject ReviewDesk desk;

  @Inject CurrentStaff staff;

  @Inject ReviewSettings settings;

  private String kind;
  private String reason;
  private String risk;
  private String overdue;
  private String sort;
  private List<QueueItem> items = List.of();

  /** The page's view action, after the query string is applied. */
  public void load() {
    staff
        .principal()
        .ifPresent(
            p -> items = desk.queue(p, new QueueFilter(kind, reason, risk, isOverdueOnly(), sort)));
  }

  public List<QueueItem> getItems() {
    return items;
  }

  public long getOverdueCount() {
    return items.stream().filter(QueueItem::overdue).count();
  }

  public String getSlaText() {
    return io.recoveryportal.i18n.Texts.duration(settings.sla(), language.getLocale());
  }

  public Attempt.Kind[] getKinds() {
    return Attempt.Kind.values();
  }

  public CaseReason[] getReasons() {
    return CaseReason.values();
  }

  public boolean isOverdueOnly() {
    return overdue != null && !overdue.isBlank() && !"false".equalsIgnoreCase(overdue);
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getRisk() {
    return risk;
  }

  public void setRisk(String risk) {
    this.risk = risk;
  }

  public String getOverdue() {
    return overdue;
  }

  public void setOverdue(String overdue) {
    this.overdue = overdue;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }
}
