package io.recoveryportal.audit;

/**
 * The chain's head or anchor: a place in the chain and the hash of the event there (0 and GENESIS
 * before any).
 */
public record ChainLink(long seq, String hash) {}
