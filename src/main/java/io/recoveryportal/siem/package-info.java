/**
 * Shipping the audit trail to the organisation's SIEM, at least once and in chain order: the audit
 * table is the outbox's content and {@code audit_outbox} keeps how far delivery has got, the
 * sending node's lease and the back-off ({@link io.recoveryportal.siem.AuditOutbox}); {@link
 * io.recoveryportal.siem.SiemShipper} sends batches in Splunk HEC or JSON-lines form over HTTPS
 * ({@link io.recoveryportal.siem.SiemFormat}); {@link io.recoveryportal.siem.SiemSender} runs it on
 * a schedule. May use audit, config, security and metrics.
 */
package io.recoveryportal.siem;
