package io.recoveryportal.audittrail;

import java.time.Instant;

/**
 * One reviewer's decision about a case of the account: who (Entra object id and name), what, why
 * and when.
 */
public record DecisionRow(
    String caseReference,
    long attemptId,
    String reviewerId,
    String reviewerName,
    boolean senior,
    String decision,
    String reason,
    Instant decidedAt) {}
