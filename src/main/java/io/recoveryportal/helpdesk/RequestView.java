package io.recoveryportal.helpdesk;

import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * A helpdesk request as its agent sees it, on the request page and in the status JSON: the status with the time
 * of each stage reached, what to do next in plain words, and where the reset stands. Never the verification link,
 * a reset link or a pass: those are the employee's.
 */
public record RequestView(long id, String ticket, String employee, String agentName, Attempt.RequestedAction action,
        HelpdeskStatus status, List<Stage> stages, String problem, String caseReference, boolean expired, boolean canSendResetLink,
        Instant resetLinkSentAt, Instant resetLinkExpiresAt, Instant resetLinkUsedAt, Instant resetDoneAt, Instant now)
        implements java.io.Serializable {

    private static final long serialVersionUID = 1L;


    /** seed 004's format: "Success - YYYY-MM-DD HH:MM:SS". */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** A stage the request reached, and when. */
    public record Stage(HelpdeskStatus status, Instant at) implements java.io.Serializable {

        private static final long serialVersionUID = 1L;


        public String when() {
            return WHEN.format(at);
        }
    }

    static RequestView of(HelpdeskRequest r, Attempt a, Instant now) {
        List<Stage> stages = Arrays.stream(HelpdeskStatus.values()).filter(s -> r.reachedAt(s) != null)
                .map(s -> new Stage(s, r.reachedAt(s))).toList();
        boolean expired = !r.getStatus().isFinal() && a.isExpired(now);
        return new RequestView(r.getId(), r.getTicket(), r.getEmployee(), r.getAgentName(), a.getRequestedAction(), r.getStatus(),
                stages, r.getProblem(), a.getCaseReference(), expired, r.getStatus() == HelpdeskStatus.SUCCESS && resettable(a, now),
                r.getResetLinkSentAt(), r.getResetLinkExpiresAt(), r.getResetLinkUsedAt(), a.resetProgress().completedAt(), now);
    }

    /** Whether the attempt may still lead to a reset: a verdict that allows one, not yet used up, in time. */
    static boolean resettable(Attempt a, Instant now) {
        return a != null && !a.isDecoy() && a.getDirectoryUserId() != null && !a.isExpired(now)
                && (a.getState() == State.MATCHED || a.getState() == State.APPROVED);
    }

    /** "Success - 2025-05-01 10:00:00 UTC", as the IDV status field shows it. */
    public String statusText() {
        Instant at = stages.stream().filter(s -> s.status() == status).map(Stage::at).findFirst().orElse(null);
        return status.label() + (at == null ? "" : " - " + WHEN.format(at));
    }

    /** What the agent should do now, in plain words. */
    public String nextStep() {
        if (expired) {
            return "This request has expired without a result. If the caller still needs help, send a new verification link.";
        }
        return switch (status) {
            case LINK_SENT -> "We emailed the verification link to the employee's addresses on file. Ask the caller to open it on a "
                    + "phone or computer with a camera. This page changes as soon as they start.";
            case IN_PROGRESS -> "The employee has opened the link and is verifying with their photo ID and a selfie. This page "
                    + "changes as soon as Incode has finished and the portal has checked the result.";
            case PENDING_REVIEW -> "The result needs a reviewer's decision" + (caseReference == null ? "" : " (case " + caseReference + ")")
                    + ". Do not change anything on the account until this says Success.";
            case SUCCESS -> "Identity confirmed: the verified name and birthdate match the directory. You can help the caller now. "
                    + "To reset " + what() + ", send the employee a reset link: they do it themselves, and you never see a password "
                    + "or a pass.";
            case FAILED -> "Verification failed: do not proceed, and do not reset anything on the caller's word."
                    + (problem == null ? "" : " " + problem);
        };
    }

    /** Where the reset stands, or null before a reset link was sent. */
    public String resetText() {
        if (resetDoneAt != null) {
            return "The employee finished the reset on " + WHEN.format(resetDoneAt) + ".";
        }
        if (resetLinkUsedAt != null) {
            return "The employee opened the reset link on " + WHEN.format(resetLinkUsedAt) + ".";
        }
        if (resetLinkSentAt == null) {
            return null;
        }
        return now.isBefore(resetLinkExpiresAt)
                ? "A reset link was emailed to the employee on " + WHEN.format(resetLinkSentAt) + ". It works once, until "
                        + WHEN.format(resetLinkExpiresAt) + "."
                : "The reset link emailed on " + WHEN.format(resetLinkSentAt) + " has expired.";
    }

    /** What the reset changes, for the agent's button and texts. */
    public String what() {
        return switch (action) {
            case PASSWORD -> "the password";
            case MFA -> "the sign-in methods (MFA)";
            case BOTH -> "the password and the sign-in methods (MFA)";
        };
    }
}
