package io.recoveryportal.audittrail;

import java.time.Instant;

/**
 * One attempt of an account, for its history page: what was asked, where it ended, and its case if
 * it had one.
 */
public record AttemptRow(
    long id,
    String kind,
    String action,
    String state,
    Instant createdAt,
    Instant updatedAt,
    String caseReference,
    String caseReason,
    Instant escalatedAt,
    Instant decidedAt,
    String refusal) {}
