package io.recoveryportal.recovery;

/** Self-service recovery: every default of {@link KindPolicy} is its own. */
final class RecoveryPolicy implements KindPolicy {}
