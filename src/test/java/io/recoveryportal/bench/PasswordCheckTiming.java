package io.recoveryportal.bench;

import io.recoveryportal.reset.PasswordPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * How long one password check takes, and whether that stays flat as checks add up in one JVM: runs
 * {@code -Dchecks=3000} checks (a different person and a strong password each time, as a stream of
 * recoveries would) and prints the median CPU time of each block of 500. Not a test: the figures
 * depend on the machine. Run: {@code mvn -B -o -Duberjar.skip test-compile exec:java
 * -Dexec.mainClass=io.recoveryportal.bench.PasswordCheckTiming -Dexec.classpathScope=test}.
 */
public final class PasswordCheckTiming {

  private static final int BLOCK = 500;

  private PasswordCheckTiming() {}

  public static void main(String[] args) {
    int checks = Integer.getInteger("checks", 3000);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    PasswordPolicy policy = new PasswordPolicy(12);
    long[] block = new long[BLOCK];
    System.out.printf(
        "%d password checks on one thread; CPU ms per check (median / p90) by block of %d:%n",
        checks, BLOCK);
    for (int i = 0; i < checks; i++) {
      String password = "violet harbour ladder " + (10 + i % 89) + " compass";
      List<String> words = List.of("Given" + i, "Surname" + i, "given.surname" + i);
      long t0 = cpu.getCurrentThreadCpuTime();
      if (policy.problem(password, password, words).isPresent()) {
        throw new IllegalStateException("a strong password was refused: " + password);
      }
      block[i % BLOCK] = cpu.getCurrentThreadCpuTime() - t0;
      if (i % BLOCK == BLOCK - 1) {
        long[] sorted = block.clone();
        Arrays.sort(sorted);
        System.out.printf(
            "  checks %5d-%5d: %6.2f / %6.2f%n",
            i - BLOCK + 2, i + 1, sorted[BLOCK / 2] / 1e6, sorted[BLOCK * 9 / 10] / 1e6);
      }
    }
  }
}
