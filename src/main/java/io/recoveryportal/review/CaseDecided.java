package io.recoveryportal.review;

import io.recoveryportal.recovery.Attempt;

/**
 * A reviewer's decision was committed (a CDI event): the employee is told, and for an activation
 * the approval completes it. {@code result} is APPROVED or DENIED; a first approval of a four-eyes
 * case fires nothing.
 */
public record CaseDecided(
    long attemptId,
    String reference,
    Attempt.Kind kind,
    String directoryUserId,
    ReviewCases.Result result) {}
