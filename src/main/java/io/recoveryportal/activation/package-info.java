/**
 * New-hire activation: invitations (one at a time, by an administrator, a CSV or the scheduled
 * scan), the link page that spends an invitation on an identity check, and activation's own
 * notices. From Incode's callback on, the attempt is the recovery flow's (an ACTIVATION attempt,
 * whose policy says where it differs). May use recovery, reset and review (their events),
 * notification's mailer, lookup, verification, staff, cookies, audit, security and config.
 */
package io.recoveryportal.activation;
