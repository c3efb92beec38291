/**
 * The audit trail for those who answer for it: the search, an account's whole history and the CSV
 * export for the {@code Admin} and {@code Auditor} roles, the chain check page, and the retention
 * job. Reads what the other capabilities wrote (audit, recovery, review); writes only its own audit
 * events. May use audit, siem, recovery, review, lookup, staff, config and persistence; the web
 * layer does not depend on it.
 */
package io.recoveryportal.audittrail;
