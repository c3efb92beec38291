package io.recoveryportal.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recoveryportal.recovery.Attempt.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pair of states, walked through {@link Attempt#moveTo} on a real attempt: each allowed move
 * happens, each other one is refused and leaves the attempt where it was. The expected table is
 * written out here on its own, so a change to the state machine has to be made twice, on purpose.
 */
class AttemptStateTableTest {

  private static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");

  /**
   * The moves the flows make (RecoveryService, ResetService, ReviewCases, HelpdeskStore,
   * AttemptStore).
   */
  private static final Map<State, Set<State>> ALLOWED = new EnumMap<>(State.class);

  static {
    for (State s : State.values()) {
      ALLOWED.put(s, EnumSet.noneOf(State.class));
    }
    ALLOWED.get(State.STARTED).add(State.VERIFYING);
    ALLOWED.get(State.VERIFYING).addAll(List.of(State.VERIFIED, State.EXPIRED));
    ALLOWED
        .get(State.VERIFIED)
        .addAll(
            List.of(
                State.VERIFYING,
                State.MATCHED,
                State.ESCALATED,
                State.APPROVED,
                State.FAILED,
                State.CANCELLED,
                State.INTERRUPTED));
    ALLOWED.get(State.MATCHED).add(State.RESETTING);
    ALLOWED.get(State.ESCALATED).addAll(List.of(State.APPROVED, State.DENIED));
    ALLOWED.get(State.APPROVED).addAll(List.of(State.RESETTING, State.EXPIRED));
    ALLOWED
        .get(State.RESETTING)
        .addAll(List.of(State.RESETTING, State.MATCHED, State.APPROVED, State.COMPLETED));
  }

  static Stream<State[]> everyPair() {
    List<State[]> pairs = new ArrayList<>();
    for (State from : State.values()) {
      for (State to : State.values()) {
        pairs.add(new State[] {from, to});
      }
    }
    return pairs.stream();
  }

  /** An attempt in {@code state}, reached by allowed moves only (the shortest way from STARTED). */
  private static Attempt in(State state) {
    Attempt a =
        new Attempt(
            "h".repeat(64),
            Attempt.Kind.RECOVERY,
            Attempt.RequestedAction.PASSWORD,
            "jane.smith@contoso.com",
            T0,
            Duration.ofMinutes(30));
    a.bindDirectoryUser("user-1");
    List<State> path =
        switch (state) {
          case STARTED -> List.of();
          case VERIFYING -> List.of(State.VERIFYING);
          case VERIFIED -> List.of(State.VERIFYING, State.VERIFIED);
          case MATCHED, ESCALATED, FAILED, CANCELLED, INTERRUPTED ->
              List.of(State.VERIFYING, State.VERIFIED, state);
          case APPROVED, DENIED -> List.of(State.VERIFYING, State.VERIFIED, State.ESCALATED, state);
          case RESETTING ->
              List.of(State.VERIFYING, State.VERIFIED, State.MATCHED, State.RESETTING);
          case COMPLETED ->
              List.of(
                  State.VERIFYING, State.VERIFIED, State.MATCHED, State.RESETTING, State.COMPLETED);
          case EXPIRED -> List.of(State.VERIFYING, State.EXPIRED);
        };
    for (State next : path) {
      a.moveTo(a.getState(), next, T0);
    }
    assertEquals(state, a.getState());
    return a;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void aMoveHappensExactlyWhenTheTableAllowsIt(State from, State to) {
    Attempt a = in(from);
    boolean allowed = ALLOWED.get(from).contains(to);
    assertEquals(allowed, from.mayMoveTo(to), "the state's own table");
    if (allowed) {
      a.moveTo(from, to, T0.plusSeconds(1));
      assertEquals(to, a.getState());
      assertEquals(T0.plusSeconds(1), a.getUpdatedAt());
      assertEquals(
          to == State.RESETTING ? "user-1" : null,
          a.resetProgress().resettingUserId(),
          "the unique column names a reset in flight only");
    } else {
      assertThrows(IllegalStateException.class, () -> a.moveTo(from, to, T0.plusSeconds(1)));
      assertEquals(from, a.getState(), "a refused move changes nothing");
      assertEquals(T0, a.getUpdatedAt());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void theTableListsEveryStateAndTheEndStatesLeadNowhere(State s) {
    assertEquals(ALLOWED.get(s), s.next());
    boolean end =
        EnumSet.of(
                State.DENIED,
                State.COMPLETED,
                State.FAILED,
                State.CANCELLED,
                State.INTERRUPTED,
                State.EXPIRED)
            .contains(s);
    assertEquals(end, s.next().isEmpty());
  }

  static Stream<State> states() {
    return Stream.of(State.values());
  }
}
