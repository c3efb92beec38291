/**
 * The attempt and the employee's self-service recovery. {@link io.recoveryportal.recovery.Attempt} is one attempt of any
 * kind (recovery, activation, helpdesk): its own fields, the state machine as a table its {@code moveTo} enforces, and
 * value objects for the pending request, the proofing record and the reset progress; what differs between the kinds is
 * in one {@link io.recoveryportal.recovery.KindPolicy} each. {@link io.recoveryportal.recovery.AttemptStore} changes
 * attempts in short transactions with their audit events. {@link io.recoveryportal.recovery.RecoveryService} runs the
 * flow from "Continue" to the verdict. May use lookup, verification, matching, audit, security and config; never the
 * capabilities built on attempts (reset, review, activation, helpdesk, notification, web).
 */
package io.recoveryportal.recovery;
