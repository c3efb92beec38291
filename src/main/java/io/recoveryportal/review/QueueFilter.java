package io.recoveryportal.review;

import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.CaseReason;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the reviewer asked the queue for: filters (any may be blank, meaning all) and an order.
 * Values arrive as GET parameters; anything unknown means "no filter" rather than an error, so a
 * stale bookmark still works.
 */
public record QueueFilter(
    String kind, String reason, String risk, boolean overdueOnly, String sort) {

  public enum Sort {
    OLDEST,
    NEWEST,
    RISK
  }

  public List<QueueItem> apply(List<QueueItem> items) {
    return items.stream().filter(predicate()).sorted(order()).toList();
  }

  private Predicate<QueueItem> predicate() {
    Attempt.Kind k = parse(Attempt.Kind.class, kind);
    CaseReason r = parse(CaseReason.class, reason);
    Boolean high =
        "HIGH".equalsIgnoreCase(risk)
            ? Boolean.TRUE
            : "STANDARD".equalsIgnoreCase(risk) ? Boolean.FALSE : null;
    return i ->
        (k == null || i.kind() == k)
            && (r == null || i.reason() == r)
            && (high == null || i.highRisk() == high)
            && (!overdueOnly || i.overdue());
  }

  private Comparator<QueueItem> order() {
    Comparator<QueueItem> oldest =
        Comparator.comparing(QueueItem::escalatedAt).thenComparing(QueueItem::reference);
    Sort s = parse(Sort.class, sort);
    if (s == Sort.NEWEST) {
      return oldest.reversed();
    }
    if (s == Sort.RISK) {
      return Comparator.comparing((QueueItem i) -> !i.highRisk())
          .thenComparing(i -> !i.overdue())
          .thenComparing(oldest);
    }
    return oldest;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
