/**
 * The append-only audit trail: one event per step, written in the step's own transaction. Uses
 * nothing of the portal but the persistence unit; every other package may write to it.
 */
package io.recoveryportal.audit;
