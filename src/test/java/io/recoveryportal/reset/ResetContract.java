package io.recoveryportal.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.directory.graph.GraphAccountReset;
import io.recoveryportal.directory.graph.GraphClients;
import io.recoveryportal.directory.graph.GraphDirectory;
import io.recoveryportal.directory.graph.SandboxGraphSettings;
import io.recoveryportal.persistence.DatabaseContract;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.recovery.AttemptRepository;
import io.recoveryportal.recovery.AttemptStore;
import io.recoveryportal.recovery.RecoverySettings;
import io.recoveryportal.sandbox.AuthMethodType;
import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.Directory.Operation;
import io.recoveryportal.sandbox.Faults;
import io.recoveryportal.sandbox.Sandbox;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ResetService} with its real collaborators: the Graph adapters over HTTP against the
 * sandbox (whose write faults make outcomes unknown), and the attempts on a real database with one
 * transaction per store call, as in the container. What a crash leaves behind is made by hand (a
 * claimed attempt, a change in the sandbox's directory) and then given to the reconciliation. The
 * clock is the system's plus an offset a test moves on, to make a claim old.
 */
abstract class ResetContract extends DatabaseContract {

  private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);
  private static final String JANE = "jane.smith@contoso.com";
  private static final String MICHAEL = "michael.brown@contoso.com";
  private static final String CHOSEN = "violet harbour ladder 93 compass";

  private Sandbox sandbox;
  private Directory directory;
  private GraphClients clients;
  private final MovableClock clock = new MovableClock();
  private final List<ResetDone> notices = Collections.synchronizedList(new ArrayList<>());
  private ResetService service;

  @BeforeAll
  void startSandbox() throws IOException {
    Path work = Files.createDirectories(Path.of("target", "reset-tests"));
    sandbox =
        Sandbox.start(Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), work));
    directory = sandbox.directory();
    // a read timeout of one second: the sandbox's late answers come after it
    clients =
        GraphClients.create(
            SandboxGraphSettings.of(sandbox)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    service = new ResetService();
    service.store = new TxAttemptStore();
    service.directory = new GraphAccountReset(clients);
    service.accounts = new GraphDirectory(clients, directory.birthdateAttribute());
    service.settings =
        new RecoverySettings(
            new PortalConfig() {
              @Override
              public Optional<String> value(String key) {
                return Optional.ofNullable(
                    Map.of("recovery.reset.claim-timeout", CLAIM_TIMEOUT.toString()).get(key));
              }
            });
    service.resetSettings =
        new ResetSettings(
            new PortalConfig() {
              @Override
              public Optional<String> value(String key) {
                return Optional.empty();
              }
            });
    service.done = new Recorded();
  }

  @AfterAll
  void stopSandbox() {
    clients.close();
    sandbox.close();
  }

  @BeforeEach
  void fresh() {
    directory.reset();
    sandbox.faults().reset();
    notices.clear();
    clock.offset = Duration.ZERO;
  }

  // ---- password: an unanswered write is read back before anything is said ----

  @Test
  void aPasswordAnsweredTooLateIsFoundInTheDirectoryAndFinished() {
    String raw = matched(JANE, Attempt.RequestedAction.PASSWORD);
    sandbox.faults().faultNextWrites(Faults.WriteFault.LATE, 2500, 1, "PATCH");
    assertInstanceOf(ResetService.Done.class, service.setPassword(raw, CHOSEN, CHOSEN));
    assertFinished(raw, JANE);
    assertTrue(
        audit(raw).stream().anyMatch(e -> e.getOutcome() == AuditOutcome.OUTCOME_UNKNOWN),
        "the unanswered write is audited");
  }

  @Test
  void aPasswordWhoseConnectionDroppedIsFoundInTheDirectoryAndFinished() {
    String raw = matched(JANE, Attempt.RequestedAction.PASSWORD);
    sandbox.faults().faultNextWrites(Faults.WriteFault.DROP, 0, 5, "PATCH");
    assertInstanceOf(ResetService.Done.class, service.setPassword(raw, CHOSEN, CHOSEN));
    assertFinished(raw, JANE);
  }

  /**
   * The case the issue saw: the change reaches Entra seconds after the portal stopped waiting and
   * looked.
   */
  @Test
  void aPasswordThatArrivesAfterTheReadStaysInDoubtAndTheReconciliationFinishesIt()
      throws Exception {
    String raw = matched(JANE, Attempt.RequestedAction.PASSWORD);
    sandbox.faults().faultNextWrites(Faults.WriteFault.SLOW, 2500, 1, "PATCH");
    assertInstanceOf(ResetService.InDoubt.class, service.setPassword(raw, CHOSEN, CHOSEN));
    Attempt a = attempt(raw);
    assertEquals(State.RESETTING, a.getState(), "never handed back as 'nothing changed'");
    assertTrue(a.isResetInDoubt(clock.instant(), CLAIM_TIMEOUT));
    assertTrue(notices.isEmpty());
    awaitPasswordSet(JANE);

    assertEquals(0, service.reconcile(), "a fresh reading is not repeated at once");
    clock.offset = CLAIM_TIMEOUT.plusSeconds(10);
    assertEquals(1, service.reconcile());
    assertFinished(raw, JANE);
  }

  @Test
  void aPasswordWriteThatFailedUnansweredAndNeverArrivedIsHandedBackOnceTheClaimIsOld() {
    String raw = matched(JANE, Attempt.RequestedAction.PASSWORD);
    sandbox.faults().faultNextWrites(Faults.WriteFault.ERROR, 0, 1, "PATCH");
    assertInstanceOf(ResetService.InDoubt.class, service.setPassword(raw, CHOSEN, CHOSEN));
    clock.offset = Duration.ofSeconds(30);
    service.check(raw);
    assertEquals(
        State.RESETTING,
        attempt(raw).getState(),
        "too early to call: a late write could still arrive");

    clock.offset = CLAIM_TIMEOUT.plusSeconds(10);
    service.check(raw);
    Attempt back = attempt(raw);
    assertEquals(State.MATCHED, back.getState());
    assertNotNull(
        back.resetProgress().checkedAt(), "the page can say the earlier try was not saved");
    assertTrue(notices.isEmpty(), "nothing changed, nobody told");
    assertTrue(directory.lastPasswordSet(id(JANE)).isEmpty());

    assertInstanceOf(
        ResetService.Done.class,
        service.setPassword(raw, CHOSEN, CHOSEN),
        "the person simply tries again");
    assertFinished(raw, JANE);
    assertNull(attempt(raw).resetProgress().checkedAt());
  }

  // ---- a crash between the write and the answer ----

  @Test
  void aCrashAfterThePasswordWasSetIsFinishedByTheReconciliationOnceWhateverRunsOverlap()
      throws Exception {
    String raw = matched(JANE, Attempt.RequestedAction.PASSWORD);
    claimAsACrashedNodeWould(raw);
    directory.setPassword(id(JANE), CHOSEN, false, false);
    clock.offset = CLAIM_TIMEOUT.plusSeconds(10);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> rounds = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        rounds.add(
            pool.submit(
                () -> {
                  go.await();
                  return service.reconcile();
                }));
      }
      go.countDown();
      int read = 0;
      for (Future<Integer> r : rounds) {
        read += r.get(30, TimeUnit.SECONDS);
      }
      assertEquals(1, read, "one round took the attempt; the others found it taken");
    } finally {
      pool.shutdownNow();
    }
    assertFinished(raw, JANE);
  }

  @Test
  void aCrashBeforeThePasswordWasSetIsHandedBackForAnotherTry() {
    String raw = matched(JANE, Attempt.RequestedAction.PASSWORD);
    claimAsACrashedNodeWould(raw);
    assertEquals(0, service.reconcile(), "a fresh claim may still be at work");
    clock.offset = CLAIM_TIMEOUT.plusSeconds(10);
    assertEquals(1, service.reconcile());
    assertEquals(State.MATCHED, attempt(raw).getState());
    assertTrue(notices.isEmpty());
    assertEquals(0, directory.writes().size());
  }

  // ---- two attempts for one account ----

  @Test
  void twoAttemptsResettingOneAccountAtOnceGiveOneResetAndOneClearRefusal() throws Exception {
    String first = matched(JANE, Attempt.RequestedAction.PASSWORD);
    String second = matched(JANE, Attempt.RequestedAction.PASSWORD);
    // the password write is held a moment, so that both attempts are inside their reset at once
    sandbox.faults().faultNextWrites(Faults.WriteFault.SLOW, 600, 2, "PATCH");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<ResetService.Outcome> outcomes;
    try {
      CountDownLatch go = new CountDownLatch(1);
      Future<ResetService.Outcome> a =
          pool.submit(
              () -> {
                go.await();
                return service.setPassword(first, CHOSEN, CHOSEN);
              });
      Future<ResetService.Outcome> b =
          pool.submit(
              () -> {
                go.await();
                return service.setPassword(
                    second, "amber orchard piano 41 lantern", "amber orchard piano 41 lantern");
              });
      go.countDown();
      outcomes = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        1,
        outcomes.stream().filter(ResetService.Done.class::isInstance).count(),
        outcomes.toString());
    assertEquals(
        1,
        outcomes.stream().filter(ResetService.Busy.class::isInstance).count(),
        outcomes.toString());
    assertEquals(1, passwordWrites(JANE));
    String loser = outcomes.get(0) instanceof ResetService.Busy ? first : second;
    assertEquals(
        State.MATCHED,
        attempt(loser).getState(),
        "the loser may try again once the other has finished");
    assertInstanceOf(ResetService.Done.class, service.setPassword(loser, CHOSEN, CHOSEN));
  }

  // ---- MFA: the pass before any method goes ----

  @Test
  void anMfaResetIssuesThePassBeforeItRemovesAnyMethod() {
    String raw = matched(MICHAEL, Attempt.RequestedAction.MFA);
    ResetService.Done done = assertInstanceOf(ResetService.Done.class, service.resetMfa(raw));
    assertEquals(directory.temporaryAccessPass(id(MICHAEL)).orElseThrow(), done.pass().pass());
    assertEquals(List.of(), done.notRemoved());
    List<Operation> order = directory.writes().stream().map(Directory.WriteOp::operation).toList();
    assertEquals(Operation.CREATE_TEMPORARY_ACCESS_PASS, order.get(0), order.toString());
    assertEquals(Operation.REVOKE_SIGN_IN_SESSIONS, order.get(order.size() - 1), order.toString());
    assertTrue(
        order.subList(1, order.size() - 1).stream().allMatch(o -> o == Operation.DELETE_METHOD),
        order.toString());
    assertEquals(State.COMPLETED, attempt(raw).getState());
    assertEquals(1, notices.size());
  }

  @Test
  void anUnansweredPassLeavesEveryMethodInPlaceAndTheAttemptFreeToTryAgain() {
    String raw = matched(MICHAEL, Attempt.RequestedAction.MFA);
    List<AuthMethodType> before = methodTypes(MICHAEL);
    sandbox.faults().faultNextWrites(Faults.WriteFault.DROP, 0, 5, "temporaryAccessPassMethods");
    assertInstanceOf(ResetService.Unavailable.class, service.resetMfa(raw));
    List<AuthMethodType> after = new ArrayList<>(methodTypes(MICHAEL));
    after.remove(AuthMethodType.TEMPORARY_ACCESS_PASS);
    assertEquals(before, after, "no method removed; only a pass nobody holds was added");
    assertTrue(
        directory.writes().stream().noneMatch(w -> w.operation() == Operation.DELETE_METHOD));
    assertEquals(State.MATCHED, attempt(raw).getState());

    sandbox.faults().reset();
    ResetService.Done done = assertInstanceOf(ResetService.Done.class, service.resetMfa(raw));
    assertEquals(
        directory.temporaryAccessPass(id(MICHAEL)).orElseThrow(),
        done.pass().pass(),
        "the new pass replaced the lost one");
    assertEquals(
        List.of(AuthMethodType.PASSWORD, AuthMethodType.TEMPORARY_ACCESS_PASS),
        methodTypes(MICHAEL));
  }

  @Test
  void aCrashAfterThePassWasIssuedTellsTheOwnerAndLetsThePersonResetAgain() {
    String raw = matched(MICHAEL, Attempt.RequestedAction.MFA);
    claimAsACrashedNodeWould(raw);
    directory.createTemporaryAccessPass(id(MICHAEL), null, 60, true);
    clock.offset = CLAIM_TIMEOUT.plusSeconds(10);
    assertEquals(1, service.reconcile());
    assertEquals(
        State.MATCHED,
        attempt(raw).getState(),
        "the pass is lost with the node: the person needs a new one");
    assertEquals(1, notices.size(), "methods may be gone: the owner is told now");
    assertEquals("sign-in methods (MFA)", notices.get(0).what().in(java.util.Locale.ENGLISH));
    assertNotNull(directory.account(id(MICHAEL)).orElseThrow().signInSessionsValidFromDateTime());
    assertTrue(audit(raw).stream().anyMatch(e -> e.getOutcome() == AuditOutcome.INTERRUPTED));
  }

  // ---- helpers ----

  private void assertFinished(String raw, String upn) {
    Attempt a = attempt(raw);
    assertEquals(State.COMPLETED, a.getState());
    assertTrue(a.resetProgress().passwordIsDone());
    assertEquals(1, notices.size(), "one notice: " + notices);
    assertEquals(id(upn), notices.get(0).account().id());
    assertNotNull(
        directory.account(id(upn)).orElseThrow().signInSessionsValidFromDateTime(),
        "sessions revoked");
    assertEquals(CHOSEN, directory.lastPasswordSet(id(upn)).orElseThrow().password());
  }

  private void awaitPasswordSet(String upn) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (directory.lastPasswordSet(id(upn)).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertFalse(directory.lastPasswordSet(id(upn)).isEmpty(), "the held write arrived");
  }

  private long passwordWrites(String upn) {
    return directory.writes().stream()
        .filter(w -> w.userId().equals(id(upn)) && w.operation() == Operation.SET_PASSWORD)
        .count();
  }

  private List<AuthMethodType> methodTypes(String upn) {
    return directory.methods(id(upn)).stream().map(Directory.AuthMethod::type).toList();
  }

  private String id(String upn) {
    return directory.findByUpn(upn).orElseThrow().id();
  }

  /** A verified, matched attempt for the account, as the callback leaves it; returns its raw id. */
  private String matched(String upn, Attempt.RequestedAction action) {
    String raw = OpaqueTokens.generate();
    Instant now = clock.instant();
    jpa()
        .run(
            em -> {
              Attempt a =
                  new Attempt(
                      OpaqueTokens.hash(raw),
                      Attempt.Kind.RECOVERY,
                      action,
                      upn,
                      now,
                      Duration.ofMinutes(30));
              a.bindDirectoryUser(id(upn));
              a.moveTo(State.STARTED, State.VERIFYING, now);
              a.moveTo(State.VERIFYING, State.VERIFIED, now);
              a.moveTo(State.VERIFIED, State.MATCHED, now);
              new AttemptRepository(em).add(a);
            });
    return raw;
  }

  /** What a node leaves when it dies after its claim: the attempt RESETTING, nothing more. */
  private void claimAsACrashedNodeWould(String raw) {
    assertTrue(
        service
            .store
            .transition(
                raw,
                State.MATCHED,
                State.RESETTING,
                a -> a.resetStarted(clock.instant()),
                AuditType.RESET_CLAIMED,
                AuditOutcome.OK,
                null)
            .isPresent());
  }

  private Attempt attempt(String raw) {
    return service.store.find(raw).orElseThrow();
  }

  private List<AuditEvent> audit(String raw) {
    long id = attempt(raw).getId();
    return jpa().inTx(em -> new AuditLog(em).forAttempt(id));
  }

  /** The system clock moved on by {@code offset}. */
  private static final class MovableClock extends Clock {

    volatile Duration offset = Duration.ZERO;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }

  /** The store as the container runs it: every call its own transaction. */
  private final class TxAttemptStore extends AttemptStore {

    private <T> T tx(Function<AttemptStore, T> work) {
      return jpa()
          .inTx(
              em ->
                  work.apply(new AttemptStore(new AttemptRepository(em), new AuditLog(em), clock)));
    }

    @Override
    public Instant now() {
      return clock.instant();
    }

    @Override
    public Optional<Attempt> find(String rawId) {
      return tx(s -> s.find(rawId));
    }

    @Override
    public Optional<Attempt> find(long id) {
      return tx(s -> s.find(id));
    }

    @Override
    public Optional<Attempt> transition(
        String rawId,
        State expected,
        State next,
        java.util.function.Consumer<Attempt> change,
        AuditType auditType,
        AuditOutcome outcome,
        String detail) {
      return tx(s -> s.transition(rawId, expected, next, change, auditType, outcome, detail));
    }

    @Override
    public Optional<Attempt> transition(
        long id,
        State expected,
        State next,
        java.util.function.Consumer<Attempt> change,
        AuditType auditType,
        AuditOutcome outcome,
        String detail) {
      return tx(s -> s.transition(id, expected, next, change, auditType, outcome, detail));
    }

    @Override
    public List<Long> resetsInDoubt(Instant claimedBefore, Instant checkedBefore, int max) {
      return tx(s -> s.resetsInDoubt(claimedBefore, checkedBefore, max));
    }

    @Override
    public Optional<Attempt> takeForCheck(long id, Instant claimedBefore, Instant checkedBefore) {
      return tx(s -> s.takeForCheck(id, claimedBefore, checkedBefore));
    }

    @Override
    public void audit(Attempt a, AuditType type, AuditOutcome outcome, String detail) {
      tx(
          s -> {
            s.audit(a, type, outcome, detail);
            return null;
          });
    }
  }

  /** The CDI event, recording what was fired (the notice it would send). */
  private final class Recorded implements Event<ResetDone> {

    @Override
    public void fire(ResetDone event) {
      notices.add(event);
    }

    @Override
    public <U extends ResetDone> CompletionStage<U> fireAsync(U event) {
      fire(event);
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends ResetDone> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      return fireAsync(event);
    }

    @Override
    public Event<ResetDone> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends ResetDone> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends ResetDone> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
