package io.recoveryportal.helpdesk;

import io.recoveryportal.i18n.Texts;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A helpdesk request as its agent sees it, on the request page and in the status JSON: the status
 * with the time of each stage reached, what to do next in plain words, and where the reset stands.
 * Never the verification link, a reset link or a pass: those are the employee's.
 */
public record RequestView(
    long id,
    String ticket,
    String employee,
    String agentName,
    Attempt.RequestedAction action,
    HelpdeskStatus status,
    List<Stage> stages,
    String problem,
    String caseReference,
    boolean expired,
    boolean canSendResetLink,
    Instant resetLinkSentAt,
    Instant resetLinkExpiresAt,
    Instant resetLinkUsedAt,
    Instant resetDoneAt,
    Instant now)
    implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** seed 004's format: "Success - YYYY-MM-DD HH:MM:SS". */
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** A stage the request reached, and when. */
  public record Stage(HelpdeskStatus status, Instant at) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
  }

  static RequestView of(HelpdeskRequest r, Attempt a, Instant now) {
    List<Stage> stages =
        Arrays.stream(HelpdeskStatus.values())
            .filter(s -> r.reachedAt(s) != null)
            .map(s -> new Stage(s, r.reachedAt(s)))
            .toList();
    boolean expired = !r.getStatus().isFinal() && a.isExpired(now);
    return new RequestView(
        r.getId(),
        r.getTicket(),
        r.getEmployee(),
        r.getAgentName(),
        a.getRequestedAction(),
        r.getStatus(),
        stages,
        r.getProblem(),
        a.getCaseReference(),
        expired,
        r.getStatus() == HelpdeskStatus.SUCCESS && resettable(a, now),
        r.getResetLinkSentAt(),
        r.getResetLinkExpiresAt(),
        r.getResetLinkUsedAt(),
        a.resetProgress().completedAt(),
        now);
  }

  /**
   * Whether the attempt may still lead to a reset: a verdict that allows one, not yet used up, in
   * time.
   */
  static boolean resettable(Attempt a, Instant now) {
    return a != null
        && !a.isDecoy()
        && a.getDirectoryUserId() != null
        && !a.isExpired(now)
        && (a.getState() == State.MATCHED || a.getState() == State.APPROVED);
  }

  /**
   * "Success - 2025-05-01 10:00:00 UTC", as the IDV status field shows it, with the status in the
   * agent's language.
   */
  public String statusText(Locale language) {
    Instant at =
        stages.stream().filter(s -> s.status() == status).map(Stage::at).findFirst().orElse(null);
    return status.label(language) + (at == null ? "" : " - " + WHEN.format(at));
  }

  /** What the agent should do now, in plain words. */
  public String nextStep(Locale language) {
    if (expired) {
      return Texts.text(language, "helpdesk.next.expired");
    }
    return switch (status) {
      case LINK_SENT -> Texts.text(language, "helpdesk.next.link-sent");
      case IN_PROGRESS -> Texts.text(language, "helpdesk.next.in-progress");
      case PENDING_REVIEW ->
          caseReference == null
              ? Texts.text(language, "helpdesk.next.pending-review")
              : Texts.text(
                  language,
                  "helpdesk.next.pending-review-case",
                  Map.of("reference", caseReference));
      case SUCCESS -> Texts.text(language, "helpdesk.next.success", Map.of("what", what(language)));
      case FAILED ->
          Texts.text(language, "helpdesk.next.failed")
              + (problem == null ? "" : " " + problemText(language));
    };
  }

  /**
   * The problem recorded with the request: a key of the messages bundle, or words kept from before
   * there were keys.
   */
  private String problemText(Locale language) {
    return Texts.bundle(Texts.MESSAGES, language).containsKey(problem)
        ? Texts.text(language, problem)
        : problem;
  }

  /** Where the reset stands, or null before a reset link was sent. */
  public String resetText(Locale language) {
    if (resetDoneAt != null) {
      return Texts.text(
          language, "helpdesk.reset.done", Map.of("when", Texts.moment(resetDoneAt, language)));
    }
    if (resetLinkUsedAt != null) {
      return Texts.text(
          language,
          "helpdesk.reset.opened",
          Map.of("when", Texts.moment(resetLinkUsedAt, language)));
    }
    if (resetLinkSentAt == null) {
      return null;
    }
    return now.isBefore(resetLinkExpiresAt)
        ? Texts.text(
            language,
            "helpdesk.reset.sent",
            Map.of(
                "when",
                Texts.moment(resetLinkSentAt, language),
                "until",
                Texts.moment(resetLinkExpiresAt, language)))
        : Texts.text(
            language,
            "helpdesk.reset.expired",
            Map.of("when", Texts.moment(resetLinkSentAt, language)));
  }

  /** What the reset changes, for the agent's button and texts, and the employee's email. */
  public String what(Locale language) {
    return Texts.text(language, "helpdesk.what." + action.name());
  }
}
