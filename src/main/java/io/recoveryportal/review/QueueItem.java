package io.recoveryportal.review;

import io.recoveryportal.i18n.Texts;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.CaseReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One open case as the queue lists it.
 *
 * @param age how long the case has waited
 * @param overdue whether it has waited longer than the SLA
 * @param claim FREE, YOURS or TAKEN (by another reviewer, within their claim)
 * @param approvals approvals so far (a four-eyes case waits with one)
 */
public record QueueItem(
    String reference,
    Attempt.Kind kind,
    CaseReason reason,
    boolean highRisk,
    Instant escalatedAt,
    Duration age,
    boolean overdue,
    Duration slaLeft,
    String claim,
    int approvals) {

  public String ageText(Locale language) {
    return Texts.duration(age, language);
  }

  /** "due in 1 h 20 min" or "overdue by 15 min". */
  public String slaText(Locale language) {
    return overdue
        ? Texts.text(
            language,
            "queue.overdue-by",
            Map.of("duration", Texts.duration(slaLeft.negated(), language)))
        : Texts.text(
            language, "queue.due-in", Map.of("duration", Texts.duration(slaLeft, language)));
  }
}
