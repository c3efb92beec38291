package io.recoveryportal.web;

import java.time.Duration;

/**
 * Pads a request to a minimum duration, so its timing does not depend on what the directory
 * answered.
 */
final class ResponseFloor {

  private ResponseFloor() {}

  static void await(long startedNanos, Duration floor) {
    long remaining = floor.toNanos() - (System.nanoTime() - startedNanos);
    if (remaining > 0) {
      try {
        Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
