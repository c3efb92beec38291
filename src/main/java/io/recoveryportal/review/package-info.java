/**
 * Manual review: the rules (claims, reasons, own account, four-eyes with a senior second approver, concurrent decisions),
 * the console's store and desk, the queue and case pages, reviewer and employee emails, and the SLA and retention
 * housekeeping. A decision is announced as a {@link io.recoveryportal.review.CaseDecided} event. May use recovery,
 * lookup, notification's mailer, staff, audit, security and config.
 */
package io.recoveryportal.review;
