package io.recoveryportal.reset;

import java.time.Instant;

/** A freshly issued pass. Shown to its owner once; never stored, logged or emailed. */
public record TemporaryAccessPass(
    String pass, Instant validFrom, int lifetimeMinutes, boolean usableOnce) {

  @Override
  public String toString() {
    return "TemporaryAccessPass[validFrom="
        + validFrom
        + ", lifetimeMinutes="
        + lifetimeMinutes
        + ", usableOnce="
        + usableOnce
        + "]";
  }
}
