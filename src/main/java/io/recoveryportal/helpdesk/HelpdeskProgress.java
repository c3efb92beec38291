package io.recoveryportal.helpdesk;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.recovery.Judging;
import io.recoveryportal.review.CaseDecided;
import io.recoveryportal.staff.StaffPrincipal;
import io.recoveryportal.verification.ProofingUnavailableException;
import io.recoveryportal.verification.VerificationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * How a helpdesk request follows its verification: Incode's webhooks (or the agent's "Check with
 * Incode now") only say when to fetch the result, server to server; the verdict is reached exactly
 * as in self-service, on the same kind of attempt ({@link Judging#judgeVerified}), and a reviewer's
 * decision on a helpdesk case moves the agent's page.
 */
@ApplicationScoped
public class HelpdeskProgress {

  @Inject HelpdeskStore store;

  @Inject Judging judging;

  @Inject VerificationRequests incode;

  /** What a session notification led to. */
  public enum Progress {
    APPLIED,
    NO_SUCH_REQUEST,
    RESULT_NOT_READY
  }

  /**
   * Incode says the employee opened the link: In Progress (a late notice never moves a request
   * back).
   */
  public Progress sessionStarted(String interviewId, Instant at) {
    Optional<HelpdeskRequest> r = store.byInterview(interviewId);
    // Incode's own time keeps the timeline right when notifications arrive late; never a time still
    // to come
    Instant when = at == null || at.isAfter(store.now()) ? store.now() : at;
    r.ifPresent(
        x ->
            store.advance(
                x.getId(),
                HelpdeskStatus.IN_PROGRESS,
                when,
                "session started at Incode",
                Actor.incodeWebhook()));
    return r.isPresent() ? Progress.APPLIED : Progress.NO_SUCH_REQUEST;
  }

  /**
   * Incode says the session ended (succeeded, failed, waits for Incode's review, or finished):
   * fetch the result and judge it. RESULT_NOT_READY when Incode has no result yet, so the
   * notification is tried again later.
   *
   * @throws ProofingUnavailableException when Incode cannot be asked now
   */
  public Progress sessionEnded(String interviewId) {
    Optional<HelpdeskRequest> r = store.byInterview(interviewId);
    return r.isEmpty() ? Progress.NO_SUCH_REQUEST : settle(r.get(), Actor.incodeWebhook());
  }

  /** "Check with Incode now": the agent's way round a notification that never came. */
  public Optional<Progress> checkNow(long requestId, StaffPrincipal agent) {
    return store
        .view(requestId, agent.oid())
        .flatMap(v -> store.find(requestId))
        .map(r -> settle(r, HelpdeskStore.PORTAL));
  }

  private Progress settle(HelpdeskRequest r, Actor by) {
    if (store.attemptState(r.getId()) != State.VERIFYING) {
      store.followAttempt(r.getId(), by);
      return Progress.APPLIED;
    }
    Optional<VerificationResult> result = incode.result(r.getInterviewId());
    if (result.isEmpty()) {
      return Progress.RESULT_NOT_READY;
    }
    // only one caller judges: any other finds the attempt claimed and just follows its verdict
    store
        .claimForJudging(r.getId(), by)
        .ifPresent(rawId -> judging.judgeVerified(rawId, result.get()));
    store.followAttempt(r.getId(), by);
    return Progress.APPLIED;
  }

  /**
   * A reviewer decided a helpdesk case: the agent's page follows (approval: Success, denial:
   * Failed).
   */
  void caseDecided(@Observes CaseDecided decided) {
    if (decided.kind().policy().agentFollowsCase()) {
      store
          .byAttempt(decided.attemptId())
          .ifPresent(r -> store.followAttempt(r.getId(), HelpdeskStore.PORTAL));
    }
  }
}
