package io.recoveryportal.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy(12);

  @Test
  void aLongPassphraseOfUnrelatedWordsPasses() {
    assertEquals(
        Optional.empty(),
        policy.problem(
            "violet harbour ladder 93 compass",
            "violet harbour ladder 93 compass",
            List.of("Jane", "Smith", "jane.smith")));
  }

  @Test
  void commonShortMismatchedAndPersonalPasswordsAreRefusedInPlainWords() {
    List<String> jane = List.of("Jane", "Smith", "jane.smith");
    assertTrue(policy.problem("", "", jane).orElseThrow().in(Locale.ENGLISH).contains("Enter"));
    assertTrue(
        policy
            .problem("violet harbour ladder", "violet harbour ladders", jane)
            .orElseThrow()
            .in(Locale.ENGLISH)
            .contains("not the same"));
    assertTrue(
        policy
            .problem("Short1!", "Short1!", jane)
            .orElseThrow()
            .in(Locale.ENGLISH)
            .contains("at least 12"));
    assertTrue(
        policy
            .problem("Password123!", "Password123!", jane)
            .orElseThrow()
            .in(Locale.ENGLISH)
            .contains("too easy to guess"));
    assertTrue(
        policy
            .problem("harbour SMITH ladder 93", "harbour SMITH ladder 93", jane)
            .orElseThrow()
            .in(Locale.ENGLISH)
            .contains("your name"));
  }

  /**
   * The person's own dictionary also catches what a plain "contains" misses: their name in leet or
   * reversed.
   */
  @Test
  void thePersonsNameInDisguiseIsCaughtByTheirOwnDictionary() {
    List<String> person = List.of("Quentorius", "Blaxworthing", "quentorius.blaxworthing");
    String disguised = "Qu3nt0r1us!Bl4xw0rth1ng";
    assertTrue(
        policy.problem(disguised, disguised, person).isPresent(),
        "leet spelling of the person's own names");
    String fine = "Ov3rc4st!Tr0mb0n3s";
    assertEquals(
        Optional.empty(),
        policy.problem(fine, fine, person),
        "the same shape without the names passes");
  }

  /**
   * Many checks at once, each with another person's words: none fails, and nbvcxz's shared default
   * dictionary list is exactly as it was (it used to grow by one dictionary per check and throw
   * ConcurrentModificationException when two checks overlapped).
   */
  @Test
  void checksFromManyThreadsAtOnceLeaveNbvcxzsDefaultsUntouched() throws Exception {
    int before = ConfigurationBuilder.getDefaultDictionaries().size();
    int threads = 16;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<Integer> checks =
            () -> {
              start.await();
              int refused = 0;
              for (int i = 0; i < perThread; i++) {
                List<String> words =
                    List.of(
                        "Given" + thread + "x" + i, "Family" + thread, "person" + thread + "." + i);
                String strong = "violet harbour ladder " + (10 + i) + " compass";
                refused += policy.problem(strong, strong, words).isPresent() ? 1 : 0;
                refused +=
                    policy.problem("Password123!", "Password123!", words).isPresent() ? 0 : 1;
              }
              return refused;
            };
        results.add(pool.submit(checks));
      }
      start.countDown();
      for (Future<Integer> f : results) {
        assertEquals(
            0,
            f.get(2, TimeUnit.MINUTES),
            "every strong password passed and every weak one was refused");
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        before,
        ConfigurationBuilder.getDefaultDictionaries().size(),
        "nbvcxz's default dictionary list is unchanged");
  }
}
