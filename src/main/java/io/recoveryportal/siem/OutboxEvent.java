package io.recoveryportal.siem;

import java.time.Instant;
import java.util.Map;

/**
 * An audit event as it is shipped: its place in the chain, time, hashes and the columns by name.
 */
public record OutboxEvent(
    long seq, Instant occurredAt, String prevHash, String hash, Map<String, String> columns) {}
