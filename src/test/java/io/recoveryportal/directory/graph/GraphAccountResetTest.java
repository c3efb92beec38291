package io.recoveryportal.directory.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.lookup.DirectoryOutcomeUnknownException;
import io.recoveryportal.lookup.DirectoryRefusedException;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.reset.CredentialState;
import io.recoveryportal.reset.MethodKind;
import io.recoveryportal.reset.PasswordChange;
import io.recoveryportal.reset.SignInMethod;
import io.recoveryportal.reset.TemporaryAccessPass;
import io.recoveryportal.sandbox.AuthMethodType;
import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.Directory.Operation;
import io.recoveryportal.sandbox.Faults;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link GraphAccountReset} against the sandbox's Graph; every outcome is checked in the sandbox's
 * own state.
 */
class GraphAccountResetTest {

  private static final String STRONG = "Tr4il-mix-Quokka";

  @RegisterExtension static final GraphSandbox tenant = new GraphSandbox();
  private static Directory directory;
  private static GraphAccountReset reset;

  @BeforeAll
  static void adapter() {
    directory = tenant.directory;
    reset = new GraphAccountReset(tenant.clients);
  }

  private static List<Operation> writes() {
    return directory.writes().stream().map(Directory.WriteOp::operation).toList();
  }

  private static List<AuthMethodType> methodTypes(String userId) {
    return directory.methods(userId).stream().map(Directory.AuthMethod::type).toList();
  }

  // ---- password ----

  @Test
  void passwordIsSetAndNeedNotBeChangedAgain() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    assertEquals(PasswordChange.accept(), reset.setPassword(jane, STRONG));
    Directory.PasswordSet set = directory.lastPasswordSet(jane).orElseThrow();
    assertEquals(STRONG, set.password());
    assertFalse(set.forceChangePasswordNextSignIn(), "the person chose it themselves");
    assertEquals(List.of(Operation.SET_PASSWORD), writes());
  }

  @Test
  void weakPasswordIsRefusedInPlainLanguageWithoutEchoingIt() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    for (String weak : List.of("Password1!", "Jane-Is-99-Smith", "short1!")) {
      PasswordChange answer = reset.setPassword(jane, weak);
      assertFalse(answer.accepted(), weak);
      assertEquals(GraphAccountReset.PASSWORD_REFUSED, answer.refusalReason());
      assertFalse(answer.refusalReason().in(Locale.ENGLISH).contains(weak));
    }
    assertTrue(directory.writes().isEmpty());
  }

  @Test
  void administratorTargetIsRefusedClearlyAndNothingIsWritten() {
    DirectoryRefusedException e =
        assertThrows(
            DirectoryRefusedException.class,
            () -> reset.setPassword(tenant.idOf("morgan.reed@contoso.com"), STRONG));
    assertEquals(403, e.status());
    assertEquals("Authorization_RequestDenied", e.errorCode());
    assertNotNull(e.requestId());
    assertTrue(
        e.getMessage().contains("403 Authorization_RequestDenied, request-id " + e.requestId()),
        e.getMessage());
    assertFalse(e.getMessage().contains(STRONG));
    assertFalse(e.getMessage().contains(tenant.idOf("morgan.reed@contoso.com")));
    assertTrue(directory.writes().isEmpty());
  }

  @Test
  void throttlingStormOnAResetEndsInExactlyOneWrite() {
    int faults = tenant.sandbox.faults().injectedCount();
    tenant.sandbox.faults().failNext(429, 3, "1");
    long started = System.nanoTime();
    assertEquals(
        PasswordChange.accept(), reset.setPassword(tenant.idOf("jane.smith@contoso.com"), STRONG));
    assertEquals(3, tenant.sandbox.faults().injectedCount() - faults, "three 429s, then success");
    assertTrue(
        System.nanoTime() - started >= 2_900_000_000L, "the SDK honoured Retry-After each time");
    assertEquals(List.of(Operation.SET_PASSWORD), writes());
  }

  @Test
  void outageBeyondTheRetryBudgetIsDirectoryUnavailableAndWritesNothing() {
    tenant.sandbox.faults().failNext(503, 4, "0.1");
    DirectoryUnavailableException e =
        assertThrows(
            DirectoryUnavailableException.class,
            () -> reset.setPassword(tenant.idOf("jane.smith@contoso.com"), STRONG));
    assertTrue(e.getMessage().contains("503"), e.getMessage());
    assertFalse(e.getMessage().contains(STRONG));
    assertTrue(directory.writes().isEmpty());
    assertTrue(directory.lastPasswordSet(tenant.idOf("jane.smith@contoso.com")).isEmpty());
  }

  // ---- writes whose outcome is unknown ----

  /** The adapter with a 1 s read timeout, so the sandbox can answer a write later than it waits. */
  private static <T> T withImpatientClient(java.util.function.Function<GraphAccountReset, T> use) {
    try (GraphClients impatient =
        GraphClients.create(
            SandboxGraphSettings.of(tenant.sandbox)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)))) {
      return use.apply(new GraphAccountReset(impatient));
    }
  }

  @Test
  void aPasswordWriteAnsweredTooLateIsAnUnknownOutcomeAndTheDirectoryShowsIt() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    Instant before = Instant.now().minusSeconds(1);
    tenant.sandbox.faults().faultNextWrites(Faults.WriteFault.LATE, 3000, 1, "PATCH");
    DirectoryOutcomeUnknownException e =
        withImpatientClient(
            r ->
                assertThrows(
                    DirectoryOutcomeUnknownException.class, () -> r.setPassword(jane, STRONG)));
    assertFalse(e.getMessage().contains(STRONG));
    assertEquals(
        STRONG,
        directory.lastPasswordSet(jane).orElseThrow().password(),
        "the write was applied all the same");
    CredentialState state = reset.credentialState(jane);
    assertFalse(
        state
            .passwordChangedAt()
            .isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
        "lastPasswordChangeDateTime tells the portal: " + state);
    assertTrue(state.enabled());
  }

  @Test
  void aPasswordWriteWhoseConnectionDropsIsAnUnknownOutcome() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    // OkHttp may resend a request whose connection failed; every copy is applied and dropped
    tenant.sandbox.faults().faultNextWrites(Faults.WriteFault.DROP, 0, 5, "PATCH");
    assertThrows(DirectoryOutcomeUnknownException.class, () -> reset.setPassword(jane, STRONG));
    assertEquals(STRONG, directory.lastPasswordSet(jane).orElseThrow().password());
    assertTrue(tenant.sandbox.faults().writeFaultsServed() >= 1);
  }

  @Test
  void aRefusalAndAThrottlingAnswerAreNotUnknownOutcomes() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    tenant.sandbox.faults().failNext(429, 4, "0.1");
    DirectoryUnavailableException throttled =
        assertThrows(DirectoryUnavailableException.class, () -> reset.setPassword(jane, STRONG));
    assertFalse(
        throttled instanceof DirectoryOutcomeUnknownException, "429 is Graph's 'not processed'");
    assertThrows(
        DirectoryRefusedException.class,
        () -> reset.setPassword(tenant.idOf("morgan.reed@contoso.com"), STRONG));
    assertTrue(directory.writes().isEmpty());
  }

  @Test
  void aPassIssuedWithoutAnAnswerShowsInTheMethodsWithItsCreationTime() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    Instant before =
        Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    tenant
        .sandbox
        .faults()
        .faultNextWrites(Faults.WriteFault.DROP, 0, 5, "temporaryAccessPassMethods");
    assertThrows(
        DirectoryOutcomeUnknownException.class,
        () -> reset.issueTemporaryAccessPass(jane, Duration.ofHours(1), true));
    SignInMethod pass =
        reset.methods(jane).stream()
            .filter(m -> m.kind() == MethodKind.TEMPORARY_ACCESS_PASS)
            .findFirst()
            .orElseThrow();
    assertFalse(pass.createdAt().isBefore(before), pass.toString());
  }

  // ---- methods ----

  /** What an MFA reset does: list, then remove those of the given kinds. */
  private static List<MethodKind> remove(String userId, java.util.Set<MethodKind> kinds) {
    return reset.removeMethods(
        userId, reset.methods(userId).stream().filter(m -> kinds.contains(m.kind())).toList());
  }

  @Test
  void removesExactlyTheAskedKindsAndNeverThePassword() {
    String max = tenant.idOf(GraphSandbox.EVERY_METHOD_UPN);
    List<MethodKind> removed = remove(max, EnumSet.of(MethodKind.PHONE, MethodKind.FIDO2));
    assertEquals(
        List.of(MethodKind.FIDO2, MethodKind.PHONE, MethodKind.PHONE, MethodKind.PHONE),
        removed,
        "other kinds first, then the phones, alternate mobile before mobile");
    assertEquals(
        List.of(
            AuthMethodType.PASSWORD,
            AuthMethodType.MICROSOFT_AUTHENTICATOR,
            AuthMethodType.EMAIL,
            AuthMethodType.SOFTWARE_OATH,
            AuthMethodType.WINDOWS_HELLO_FOR_BUSINESS,
            AuthMethodType.TEMPORARY_ACCESS_PASS),
        methodTypes(max));
  }

  @Test
  void removingEveryKindLeavesOnlyThePasswordAndASecondCallIsANoOp() {
    String max = tenant.idOf(GraphSandbox.EVERY_METHOD_UPN);
    List<MethodKind> removed = remove(max, EnumSet.allOf(MethodKind.class));
    assertEquals(9, removed.size());
    assertEquals(List.of(AuthMethodType.PASSWORD), methodTypes(max));
    assertEquals(9, directory.writes().size());
    assertTrue(directory.writes().stream().allMatch(w -> w.operation() == Operation.DELETE_METHOD));

    assertEquals(List.of(), remove(max, EnumSet.allOf(MethodKind.class)));
    assertEquals(9, directory.writes().size(), "nothing more to delete");
  }

  @Test
  void aMethodThatVanishesBetweenListAndDeleteCountsAsRemoved() throws Exception {
    String jane = tenant.idOf("jane.smith@contoso.com");
    String authenticator =
        directory.methods(jane).stream()
            .filter(m -> m.type() == AuthMethodType.MICROSOFT_AUTHENTICATOR)
            .findFirst()
            .orElseThrow()
            .id();
    // Every Graph call is held 300 ms after it is counted: while the portal's first DELETE (the
    // authenticator,
    // since phones go last) is held, the method disappears by other means, so Graph answers it 404.
    tenant.sandbox.faults().latency(300);
    CompletableFuture<List<MethodKind>> removing =
        CompletableFuture.supplyAsync(
            () -> remove(jane, EnumSet.of(MethodKind.PHONE, MethodKind.MICROSOFT_AUTHENTICATOR)));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (directory.graphCalls() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(
        Directory.Deletion.DELETED,
        directory.deleteMethod(jane, AuthMethodType.MICROSOFT_AUTHENTICATOR, authenticator));
    assertEquals(
        List.of(MethodKind.MICROSOFT_AUTHENTICATOR, MethodKind.PHONE),
        removing.get(10, TimeUnit.SECONDS));
    assertEquals(List.of(AuthMethodType.PASSWORD), methodTypes(jane));
  }

  // ---- temporary access pass ----

  @Test
  void temporaryAccessPassIsIssuedAndIsTheOneEntraStored() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    Instant before = Instant.now().minusSeconds(1);
    TemporaryAccessPass pass = reset.issueTemporaryAccessPass(jane, Duration.ofHours(1), true);
    assertEquals(directory.temporaryAccessPass(jane).orElseThrow(), pass.pass());
    assertEquals(60, pass.lifetimeMinutes());
    assertTrue(pass.usableOnce());
    assertFalse(pass.validFrom().isBefore(before));
    assertFalse(pass.toString().contains(pass.pass()), "the pass never reaches a log line");
    assertEquals(List.of(Operation.CREATE_TEMPORARY_ACCESS_PASS), writes());
  }

  @Test
  void temporaryAccessPassOutsideEntrasLifetimeBoundsIsRefusedBeforeAnyCall() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    assertThrows(
        IllegalArgumentException.class,
        () -> reset.issueTemporaryAccessPass(jane, Duration.ofMinutes(5), true));
    assertThrows(
        IllegalArgumentException.class,
        () -> reset.issueTemporaryAccessPass(jane, Duration.ofDays(31), true));
    assertEquals(0, directory.graphCalls());
  }

  // ---- sessions and enablement ----

  @Test
  void sessionsAreRevoked() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    reset.revokeSessions(jane);
    assertNotNull(directory.account(jane).orElseThrow().signInSessionsValidFromDateTime());
    assertEquals(List.of(Operation.REVOKE_SIGN_IN_SESSIONS), writes());
  }

  @Test
  void accountIsEnabledAndDisabled() {
    String sofia = tenant.idOf("sofia.rossi@contoso.com");
    reset.setEnabled(sofia, true);
    assertTrue(directory.account(sofia).orElseThrow().accountEnabled());
    reset.setEnabled(sofia, false);
    assertFalse(directory.account(sofia).orElseThrow().accountEnabled());
    assertEquals(
        List.of("true", "false"),
        directory.writes().stream().map(Directory.WriteOp::detail).toList());
  }

  @Test
  void disablingAnAdministratorIsRefused() {
    DirectoryRefusedException e =
        assertThrows(
            DirectoryRefusedException.class,
            () -> reset.setEnabled(tenant.idOf("morgan.reed@contoso.com"), false));
    assertEquals(403, e.status());
    assertTrue(directory.account("morgan.reed@contoso.com").orElseThrow().accountEnabled());
  }
}
