package io.recoveryportal.directory.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recoveryportal.lookup.WorkEmail;
import io.recoveryportal.reset.MethodKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How many Graph requests each directory operation and each recovery step costs, counted by the
 * sandbox (a retried request counts again, as Graph counts it). Asserted so that a change which
 * adds calls is noticed, and printed for the benchmark's "Graph calls per flow".
 */
class GraphCallsPerFlowTest {

  @RegisterExtension static final GraphSandbox tenant = new GraphSandbox();
  private static GraphDirectory directory;
  private static GraphAccountReset reset;
  private static final Map<String, Long> MEASURED = new LinkedHashMap<>();

  @BeforeAll
  static void adapters() {
    directory = new GraphDirectory(tenant.clients, tenant.directory.birthdateAttribute());
    reset = new GraphAccountReset(tenant.clients);
  }

  @AfterAll
  static void print() {
    MEASURED.forEach(
        (flow, calls) -> System.out.printf("Graph calls per flow: %-58s %d%n", flow, calls));
  }

  private static long calls(String flow, long expected, Runnable operation) {
    long before = tenant.directory.graphCalls();
    operation.run();
    long calls = tenant.directory.graphCalls() - before;
    MEASURED.put(flow, calls);
    assertEquals(expected, calls, flow);
    return calls;
  }

  @Test
  void reads() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    calls(
        "lookup by address (findByEmail)",
        1,
        () -> directory.findByEmail(WorkEmail.parse("j.smith@contoso.com").orElseThrow()));
    calls("read account (findById)", 1, () -> directory.findById(jane));
    calls("membership (transitiveMemberOf, one page)", 1, () -> directory.membership(jane));
    calls("review case opened: profile + manager", 2, () -> directory.profile(jane));
  }

  /**
   * A password recovery: the lookup and membership at "Continue", the fresh read at the callback,
   * and at the password form the account as the callback read it (no request), then the write and
   * the sign-out.
   */
  @Test
  void passwordRecoveryEndToEnd() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    calls(
        "password recovery: lookup + membership + read + PATCH + revoke",
        5,
        () -> {
          directory.findByEmail(WorkEmail.parse("jane.smith@contoso.com").orElseThrow());
          directory.membership(jane);
          directory.findById(jane);
          var acc = directory.findRecent(jane, Duration.ofMinutes(10)).orElseThrow();
          reset.setPassword(acc.id(), "Tr4il-mix-Quokka");
          reset.revokeSessions(acc.id());
        });
  }

  @Test
  void recentReadOnlyWithinItsAge() {
    String max = tenant.idOf(GraphSandbox.EVERY_METHOD_UPN);
    directory.findById(max);
    calls(
        "account read again within its age (findRecent)",
        0,
        () -> directory.findRecent(max, Duration.ofMinutes(10)));
    calls(
        "account older than the age asked for (findRecent)",
        1,
        () -> directory.findRecent(max, Duration.ZERO));
    String never = tenant.idOf("noah.kim@contoso.com");
    calls(
        "account this node never read (findRecent)",
        1,
        () -> directory.findRecent(never, Duration.ofMinutes(10)));
  }

  /**
   * Lookup, profile (user + manager) and membership per invited account; the invitation itself
   * writes nothing.
   */
  @Test
  void invitationChecks() {
    calls(
        "invitation checks per account: lookup + profile + manager + membership",
        4,
        () -> {
          var acc =
              directory.findByEmail(WorkEmail.parse("noah.kim@contoso.com").orElseThrow()).get(0);
          directory.profile(acc.id());
          directory.membership(acc.id());
        });
    calls(
        "invitation scan: disabled accounts (one page)",
        1,
        () ->
            directory.upcomingHires(
                java.time.Instant.now(),
                java.time.Instant.now().plus(Duration.ofDays(14)),
                "otherMails"));
  }

  @Test
  void passwordReset() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    calls(
        "password reset: set password + revoke sessions",
        2,
        () -> {
          reset.setPassword(jane, "Tr4il-mix-Quokka");
          reset.revokeSessions(jane);
        });
  }

  /**
   * List + the old pass's DELETE (if any) + the new pass + one DELETE per other method + revoke, in
   * the order ResetService makes them. Jane has an authenticator and a mobile phone besides her
   * password; Max has every kind, a pass among them.
   */
  @ParameterizedTest
  @CsvSource({"jane.smith@contoso.com, 2", GraphSandbox.EVERY_METHOD_UPN + ", 9"})
  void mfaReset(String upn, int methods) {
    String id = tenant.idOf(upn);
    calls(
        "MFA reset, " + methods + " methods: list + " + methods + " deletes + TAP + revoke",
        methods + 3,
        () -> {
          var listed = reset.methods(id);
          reset.removeMethods(
              id,
              listed.stream().filter(m -> m.kind() == MethodKind.TEMPORARY_ACCESS_PASS).toList());
          reset.issueTemporaryAccessPass(id, Duration.ofHours(1), true);
          reset.removeMethods(
              id,
              listed.stream().filter(m -> m.kind() != MethodKind.TEMPORARY_ACCESS_PASS).toList());
          reset.revokeSessions(id);
        });
  }

  @Test
  void newHireActivation() {
    String sofia = tenant.idOf("sofia.rossi@contoso.com");
    calls(
        "new-hire activation: enable + TAP",
        2,
        () -> {
          reset.setEnabled(sofia, true);
          reset.issueTemporaryAccessPass(sofia, Duration.ofHours(8), false);
        });
  }

  @Test
  void passwordResetThroughAThrottlingStorm() {
    String jane = tenant.idOf("jane.smith@contoso.com");
    tenant.sandbox.faults().failNext(429, 3, "0.1");
    calls(
        "set password through three 429s (each retry is a call)",
        4,
        () -> reset.setPassword(jane, "Tr4il-mix-Quokka"));
  }
}
