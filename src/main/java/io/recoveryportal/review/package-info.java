/**
 * Manual review: {@link io.recoveryportal.review.ReviewCase}, an aggregate of its own that refers
 * to its attempt by id; where a verification becomes a case and where an earlier approval carries
 * over ({@link io.recoveryportal.review.CaseOpening}, the review side of recovery's {@link
 * io.recoveryportal.recovery.Escalations} port); the rules (claims, reasons, own account, four-eyes
 * with a senior second approver, concurrent decisions), the console's store and desk, the queue and
 * case pages, reviewer and employee emails, and the SLA and retention housekeeping. A new case is
 * announced as a {@link io.recoveryportal.review.CaseOpened} event, a decision as a {@link
 * io.recoveryportal.review.CaseDecided} event. May use recovery, lookup, notification's mailer,
 * staff, audit, security and config.
 */
package io.recoveryportal.review;
