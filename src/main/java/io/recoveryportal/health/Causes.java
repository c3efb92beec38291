package io.recoveryportal.health;

/** Turns an exception chain into one line an operator can act on, without stack traces. */
public final class Causes {

  private Causes() {}

  public static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    return root.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
  }
}
