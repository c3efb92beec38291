/**
 * The attempt and the employee's self-service recovery. {@link io.recoveryportal.recovery.Attempt}
 * is one attempt of any kind (recovery, activation, helpdesk): its own fields, the state machine as
 * a table its {@code moveTo} enforces, and value objects for the pending request, the proofing
 * record and the reset progress; what differs between the kinds is in one {@link
 * io.recoveryportal.recovery.KindPolicy} each. {@link io.recoveryportal.recovery.AttemptStore}
 * changes attempts in short transactions with their audit events. {@link
 * io.recoveryportal.recovery.RecoveryStart} (start and eligibility), {@link
 * io.recoveryportal.recovery.RecoveryService} (the callback) and {@link
 * io.recoveryportal.recovery.Judging} (the verdict, carried out) run the flow from "Continue" to
 * the verdict; a case for a reviewer and a carried-over approval it hands to the {@link
 * io.recoveryportal.recovery.Escalations} port, which review implements. May use lookup,
 * verification, matching, audit, security and config; never the capabilities built on attempts
 * (reset, review, activation, helpdesk, notification, web).
 */
package io.recoveryportal.recovery;
