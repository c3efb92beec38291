package io.recoveryportal.review;

import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.CaseReason;

/**
 * A review case was opened and committed (a CDI event). The review capability announces it to
 * reviewers; the flows that open cases need not know who listens.
 */
public record CaseOpened(
    long attemptId, String reference, Attempt.Kind kind, CaseReason reason, boolean highRisk) {}
