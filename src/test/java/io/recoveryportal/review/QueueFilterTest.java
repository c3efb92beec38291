package io.recoveryportal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.CaseReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueFilterTest {

  private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

  private static QueueItem item(
      String ref, Attempt.Kind kind, CaseReason reason, boolean high, int minutesAgo) {
    Duration age = Duration.ofMinutes(minutesAgo);
    Duration sla = Duration.ofHours(4);
    return new QueueItem(
        ref,
        kind,
        reason,
        high,
        T.minus(age),
        age,
        age.compareTo(sla) > 0,
        sla.minus(age),
        "FREE",
        0);
  }

  private final List<QueueItem> items =
      List.of(
          item("A", Attempt.Kind.RECOVERY, CaseReason.NAME, false, 30),
          item("B", Attempt.Kind.ACTIVATION, CaseReason.BIRTHDATE, true, 300),
          item("C", Attempt.Kind.RECOVERY, CaseReason.INCODE_MANUAL_REVIEW, true, 10),
          item("D", Attempt.Kind.RECOVERY, CaseReason.NAME, false, 500));

  private List<String> refs(QueueFilter f) {
    return f.apply(items).stream().map(QueueItem::reference).toList();
  }

  @Test
  void filtersCombineAndUnknownValuesMeanAll() {
    assertEquals(
        List.of("D", "B", "A", "C"),
        refs(new QueueFilter(null, null, null, false, null)),
        "oldest first by default");
    assertEquals(List.of("D", "A"), refs(new QueueFilter("recovery", "NAME", "", false, "")));
    assertEquals(List.of("B", "C"), refs(new QueueFilter("", "", "HIGH", false, "OLDEST")));
    assertEquals(List.of("D", "B"), refs(new QueueFilter(null, null, null, true, null)));
    assertEquals(
        List.of("D", "B", "A", "C"),
        refs(new QueueFilter("nonsense", "<script>", "x", false, "sideways")));
  }

  @Test
  void ordersByAgeOrRisk() {
    assertEquals(
        List.of("C", "A", "B", "D"), refs(new QueueFilter(null, null, null, false, "NEWEST")));
    assertEquals(
        List.of("B", "C", "D", "A"),
        refs(new QueueFilter(null, null, null, false, "RISK")),
        "high risk, then overdue, then oldest");
  }
}
