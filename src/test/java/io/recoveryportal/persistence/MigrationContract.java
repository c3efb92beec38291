package io.recoveryportal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 13's migrations on data the previous schema held: a fresh database is migrated to V11 (main
 * before issue 13), rows are written with plain SQL exactly as the old code wrote them, and then
 * the remaining migrations run and the rows are read back through the production persistence unit.
 * Once per database (H2 and PostgreSQL subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MigrationContract {

  /**
   * Every audit type the trail wrote before it was typed, as it wrote it, and the type it is now.
   */
  static final Map<String, AuditType> OLD_TYPES = oldTypes();

  private DataSource ds;
  private JpaHarness jpa;

  protected abstract DataSource freshDataSource();

  @BeforeAll
  void writeOldRowsAndMigrate() throws SQLException {
    ds = freshDataSource();
    assertTrue(Migrations.configuration(ds).target("11").load().migrate().success);
    try (Connection c = ds.getConnection()) {
      writeOldAudit(c);
      writeOldCases(c);
    }
    jpa = new JpaHarness(ds);
  }

  @org.junit.jupiter.api.AfterAll
  void close() {
    jpa.close();
  }

  // ---- the audit trail (V15) ----

  private static final long AUDIT_ATTEMPT = 424242L;

  private static void writeOldAudit(Connection c) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO audit_event (id, occurred_at, event_type, actor, attempt_id, "
                + "directory_user_id, outcome, detail) VALUES (nextval('audit_event_seq'), ?, ?, ?, ?, ?, ?, ?)")) {
      int i = 0;
      for (String type : OLD_TYPES.keySet()) {
        oldEvent(p, i++, type, "system", "OK");
      }
      // every shape of actor the old code wrote, and outcomes that came from other enums
      oldEvent(p, i++, "staff.signed-in", "staff:3f2c-oid", "OK");
      oldEvent(p, i++, "staff.sign-in-failed", "staff:unknown", "WRONG_TENANT");
      oldEvent(p, i++, "staff.signed-out", "staff:3f2c-oid", "IDLE_TIMEOUT");
      oldEvent(p, i++, "recovery.started", "employee", "OK");
      oldEvent(p, i++, "activation.started", "new-hire", "OK");
      oldEvent(p, i++, "helpdesk.reset-link.opened", "helpdesk-caller", "OK");
      oldEvent(p, i++, "alert.reported-not-me", "account-owner", "ALERT");
      oldEvent(p, i++, "review.sla.breached", "system:sla", "NOTIFIED");
      oldEvent(p, i++, "review.evidence.purged", "system:retention", "PURGED");
      oldEvent(p, i++, "activation.scan.skipped", "system:scan", "REFUSED");
      oldEvent(p, i++, "helpdesk.status", "portal", "PENDING_REVIEW");
      oldEvent(p, i++, "verification.unreachable", "employee", "NOT_REDEEMED");
      oldEvent(p, i++, "review.decision", "staff:rev-1", "AWAITING_SECOND_APPROVAL");
    }
  }

  private static void oldEvent(
      PreparedStatement p, int i, String type, String actor, String outcome) throws SQLException {
    p.setObject(1, OffsetDateTime.of(2025, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC).plusSeconds(i));
    p.setString(2, type);
    p.setString(3, actor);
    p.setLong(4, AUDIT_ATTEMPT);
    p.setString(5, "user-" + i);
    p.setString(6, outcome);
    p.setString(7, "old row " + i);
    p.executeUpdate();
  }

  private List<AuditEvent> oldAudit() {
    return jpa.inTx(em -> new AuditLog(em).forAttempt(AUDIT_ATTEMPT));
  }

  @Test
  void everyOldAuditTypeReadsAsItsEnum() {
    List<AuditEvent> events = oldAudit();
    List<AuditType> expected = List.copyOf(OLD_TYPES.values());
    assertEquals(
        expected, events.subList(0, expected.size()).stream().map(AuditEvent::getType).toList());
    // added since V15, which no older code wrote: the cluster's scheduled-job rounds (issue 14) and
    // the audit
    // trail's own types (AUDIT_*, issue 16)
    Set<AuditType> since =
        EnumSet.of(
            AuditType.JOB_RUN,
            AuditType.AUDIT_SEARCHED,
            AuditType.AUDIT_EXPORTED,
            AuditType.AUDIT_HISTORY_VIEWED,
            AuditType.AUDIT_CHAIN_VERIFIED,
            AuditType.AUDIT_PRUNED);
    assertEquals(
        EnumSet.complementOf(EnumSet.copyOf(since)),
        Set.copyOf(expected),
        "the enum holds exactly the types written before, and those added since");
  }

  @Test
  void oldActorsSplitIntoKindAndId() {
    List<AuditEvent> events = oldAudit();
    List<Actor> actors =
        events.subList(OLD_TYPES.size(), events.size()).stream().map(AuditEvent::getActor).toList();
    assertEquals(
        List.of(
            Actor.staff("3f2c-oid"),
            Actor.staff(null),
            Actor.staff("3f2c-oid"),
            Actor.person("employee"),
            Actor.person("new-hire"),
            Actor.person("helpdesk-caller"),
            Actor.person("account-owner"),
            Actor.system("sla"),
            Actor.system("retention"),
            Actor.system("scan"),
            Actor.system("portal"),
            Actor.person("employee"),
            Actor.staff("rev-1")),
        actors);
    assertEquals(Actor.system(null), events.get(0).getActor(), "the bare word 'system'");
    assertEquals("staff:3f2c-oid", actors.get(0).label());
    assertEquals("system:scan", actors.get(9).label());
  }

  @Test
  void oldOutcomesAndTheRestOfTheRowAreKept() {
    List<AuditEvent> events = oldAudit();
    List<AuditOutcome> outcomes =
        events.subList(OLD_TYPES.size(), events.size()).stream()
            .map(AuditEvent::getOutcome)
            .toList();
    assertEquals(
        List.of(
            AuditOutcome.OK,
            AuditOutcome.WRONG_TENANT,
            AuditOutcome.IDLE_TIMEOUT,
            AuditOutcome.OK,
            AuditOutcome.OK,
            AuditOutcome.OK,
            AuditOutcome.ALERT,
            AuditOutcome.NOTIFIED,
            AuditOutcome.PURGED,
            AuditOutcome.REFUSED,
            AuditOutcome.PENDING_REVIEW,
            AuditOutcome.NOT_REDEEMED,
            AuditOutcome.AWAITING_SECOND_APPROVAL),
        outcomes);
    AuditEvent first = events.get(0);
    assertEquals(Instant.parse("2025-01-01T12:00:00Z"), first.getOccurredAt());
    assertEquals("user-0", first.getDirectoryUserId());
    assertEquals("old row 0", first.getDetail());
  }

  @Test
  void newEventsAreWrittenAfterTheOldOnes() throws SQLException {
    jpa.run(
        em ->
            new AuditLog(em)
                .record(
                    new AuditEvent(
                        Instant.parse("2026-01-01T00:00:00Z"),
                        AuditType.RESET_PASSWORD,
                        Actor.person("employee"),
                        null,
                        "user-new",
                        AuditOutcome.OK,
                        null)));
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT event_type, actor_kind, actor_id, outcome FROM audit_event WHERE directory_user_id = 'user-new'")) {
      assertTrue(rs.next());
      assertEquals(
          "RESET_PASSWORD PERSON employee OK",
          Arrays.stream(new int[] {1, 2, 3, 4})
              .mapToObj(k -> get(rs, k))
              .collect(Collectors.joining(" ")));
    }
  }

  /**
   * V20 chains the events written before the chain existed (issue 16), oldest id first, and
   * verification passes.
   */
  @Test
  void oldEventsAreChainedAndVerify() throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      try (var rs =
          s.executeQuery(
              "SELECT COUNT(*), COUNT(chain_seq), MIN(chain_seq) FROM audit_event WHERE attempt_id = "
                  + AUDIT_ATTEMPT)) {
        assertTrue(rs.next());
        assertTrue(rs.getLong(1) > 0);
        assertEquals(rs.getLong(1), rs.getLong(2), "every old event has its place in the chain");
        assertEquals(1, rs.getLong(3));
      }
      io.recoveryportal.audit.ChainVerifier.Result r =
          io.recoveryportal.audit.ChainVerifier.verify(c);
      assertTrue(r.intact(), r.describe());
    }
  }

  private static String get(java.sql.ResultSet rs, int column) {
    try {
      return rs.getString(column);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- review cases (V16) ----

  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

  /** As V3/V4 and the old ReviewCases wrote them: the case's fields on the attempt. */
  private static void writeOldCases(Connection c) throws SQLException {
    String insert =
        "INSERT INTO attempt (id, id_hash, kind, state, requested_action, directory_user_id, created_at, updated_at,"
            + " expires_at, version, decoy, case_reference, escalation_reason, high_risk, claimed_by, claimed_until, escalated_at,"
            + " decided_at, case_reason, escalated_by, sla_notified_at, evidence_hash, evidence_purged_at, verified_full_name,"
            + " incode_identity_id) VALUES (nextval('attempt_seq'), ?, ?, ?, 'PASSWORD', ?, ?, ?, ?, 3, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement p = c.prepareStatement(insert)) {
      // an open four-eyes case, claimed, announced overdue, opened by a helpdesk agent
      oldAttempt(
          p,
          "h-open",
          "HELPDESK",
          "ESCALATED",
          "user-open",
          "RC-OLD00001",
          "Incode MANUAL_REVIEW",
          true,
          "rev-1",
          T0.plusMinutes(30),
          T0,
          null,
          "INCODE_MANUAL_REVIEW",
          "agent-1",
          T0.plusHours(5),
          null,
          null,
          "JANE SMITH",
          "id-open");
      // a denied case whose evidence retention already cleared
      oldAttempt(
          p,
          "h-denied",
          "RECOVERY",
          "DENIED",
          "user-denied",
          "RC-OLD00002",
          "matching: given-name",
          false,
          null,
          null,
          T0.minusDays(40),
          T0.minusDays(39),
          "NAME",
          null,
          null,
          "ab".repeat(32),
          T0.minusDays(5),
          null,
          "id-denied");
      // an approval carried over to a later attempt: approved without a case of its own
      oldAttempt(
          p,
          "h-carried",
          "RECOVERY",
          "APPROVED",
          "user-carried",
          null,
          null,
          false,
          null,
          null,
          null,
          T0.minusHours(1),
          null,
          null,
          null,
          null,
          null,
          null,
          "id-carried");
      // a case from before V3/V4: no escalation time, no category
      oldAttempt(
          p,
          "h-ancient",
          "RECOVERY",
          "EXPIRED",
          "user-ancient",
          "RC-OLD00003",
          null,
          false,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    try (Statement st = c.createStatement()) {
      // the rule outcomes as text, the last line cut by the old 4,000-character limit
      st.executeUpdate(
          "UPDATE attempt SET match_outcome = 'REVIEW', match_rules = 'given-name=FAIL: BOB is not ROBERT' || CHR(10)"
              + " || 'birthdate=PASS: same date: and more' || CHR(10) || 'display-name=PA' WHERE id_hash = 'h-open'");
      st.executeUpdate(
          "INSERT INTO review_decision (id, attempt_id, reviewer_id, reviewer_name, senior, decision, reason, decided_at)"
              + " SELECT nextval('review_decision_seq'), id, 'rev-2', 'Ravi Rao', FALSE, 'DENY', 'photo does not match', decided_at"
              + " FROM attempt WHERE id_hash = 'h-denied'");
    }
  }

  @SuppressWarnings("checkstyle:ParameterNumber")
  private static void oldAttempt(
      PreparedStatement p,
      String hash,
      String kind,
      String state,
      String user,
      String reference,
      String reasonWords,
      boolean highRisk,
      String claimedBy,
      OffsetDateTime claimedUntil,
      OffsetDateTime escalatedAt,
      OffsetDateTime decidedAt,
      String reason,
      String escalatedBy,
      OffsetDateTime slaNotifiedAt,
      String evidenceHash,
      OffsetDateTime purgedAt,
      String fullName,
      String identityId)
      throws SQLException {
    Object[] values = {
      hash,
      kind,
      state,
      user,
      T0.minusDays(41),
      T0.plusMinutes(1),
      T0.plusDays(14),
      reference,
      reasonWords,
      highRisk,
      claimedBy,
      claimedUntil,
      escalatedAt,
      decidedAt,
      reason,
      escalatedBy,
      slaNotifiedAt,
      evidenceHash,
      purgedAt,
      fullName,
      identityId
    };
    for (int i = 0; i < values.length; i++) {
      p.setObject(i + 1, values[i]);
    }
    p.executeUpdate();
  }

  private io.recoveryportal.review.ReviewCases.CaseRow oldCase(String reference) {
    return jpa.inTx(
        em -> new io.recoveryportal.review.ReviewCases(em).rowByReference(reference).orElseThrow());
  }

  @Test
  void anOpenCaseMovesWithEveryField() {
    var row = oldCase("RC-OLD00001");
    var c = row.reviewCase();
    assertEquals(row.attempt().getId(), c.getAttemptId());
    assertEquals(io.recoveryportal.recovery.CaseReason.INCODE_MANUAL_REVIEW, c.getReason());
    assertEquals("Incode MANUAL_REVIEW", c.getReasonWords());
    assertTrue(c.isHighRisk());
    assertEquals(T0.toInstant(), c.getOpenedAt());
    assertTrue(c.isClaimedBy("rev-1", T0.plusMinutes(10).toInstant()));
    assertEquals(T0.plusHours(5).toInstant(), c.getSlaNotifiedAt());
    assertEquals(null, c.getDecidedAt());
    // what stays the attempt's
    assertEquals("RC-OLD00001", row.attempt().getCaseReference());
    assertEquals("agent-1", row.attempt().getEscalatedBy());
    assertEquals("JANE SMITH", row.attempt().proofing().verifiedFullName());
    assertEquals(io.recoveryportal.recovery.Attempt.State.ESCALATED, row.attempt().getState());
  }

  @Test
  void ruleOutcomesKeptAsTextBecomeRowsAndACutLineIsNotGuessedAt() {
    var rules = oldCase("RC-OLD00001").attempt().getMatchRules();
    assertEquals(
        List.of(
            "given-name=FAIL: BOB is not ROBERT",
            "birthdate=PASS: same date: and more",
            "display-name=MISSING: recorded as: PA"),
        rules.stream().map(Object::toString).toList());
    assertEquals(io.recoveryportal.matching.RuleStatus.FAIL, rules.get(0).status());
    assertEquals(List.of(), oldCase("RC-OLD00002").attempt().getMatchRules(), "no text, no rows");
  }

  @Test
  void aDecidedCaseKeepsItsDecisionAndWhatRetentionLeft() {
    var row = oldCase("RC-OLD00002");
    assertEquals(T0.minusDays(39).toInstant(), row.reviewCase().getDecidedAt());
    assertEquals(T0.minusDays(39).toInstant(), row.attempt().getDecidedAt());
    assertEquals("ab".repeat(32), row.reviewCase().getEvidenceHash());
    assertEquals(T0.minusDays(5).toInstant(), row.reviewCase().getEvidencePurgedAt());
    assertEquals(
        List.of("photo does not match"),
        jpa
            .inTx(
                em ->
                    new io.recoveryportal.review.ReviewCases(em)
                        .decisions(row.reviewCase().getId()))
            .stream()
            .map(io.recoveryportal.review.ReviewDecision::getReason)
            .toList());
  }

  @Test
  void aCaseFromBeforeTheConsoleGetsItsAttemptsLastChangeAsOpeningTime() {
    var c = oldCase("RC-OLD00003").reviewCase();
    assertEquals(T0.plusMinutes(1).toInstant(), c.getOpenedAt());
    assertEquals(null, c.getReason());
  }

  @Test
  void onlyAttemptsThatBecameCasesGetOne() throws SQLException {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT TRIM(a.id_hash) FROM review_case r JOIN attempt a ON a.id = r.attempt_id ORDER BY a.id_hash")) {
      List<String> hashes = new java.util.ArrayList<>();
      while (rs.next()) {
        hashes.add(rs.getString(1));
      }
      assertEquals(List.of("h-ancient", "h-denied", "h-open"), hashes);
    }
    io.recoveryportal.recovery.Attempt carried =
        jpa.inTx(
            em ->
                new io.recoveryportal.recovery.AttemptRepository(em)
                    .findByIdHash("h-carried")
                    .orElseThrow());
    assertEquals(
        T0.minusHours(1).toInstant(),
        carried.getDecidedAt(),
        "a carried-over approval keeps its time on the attempt");
  }

  @Test
  void theQueueListsTheMovedOpenCaseAndANewCaseGetsANumberOfItsOwn() {
    List<String> open =
        jpa.inTx(em -> new io.recoveryportal.review.ReviewCases(em).open()).stream()
            .map(r -> r.reviewCase().getReference())
            .toList();
    assertEquals(List.of("RC-OLD00001"), open);
    long attemptId = oldCase("RC-OLD00003").attempt().getId();
    io.recoveryportal.review.ReviewCase moved = oldCase("RC-OLD00001").reviewCase();
    io.recoveryportal.review.ReviewCase fresh =
        jpa.inTx(
            em ->
                new io.recoveryportal.review.ReviewCases(em)
                    .add(
                        new io.recoveryportal.review.ReviewCase(
                            attemptId + 1000,
                            "RC-NEW00001",
                            io.recoveryportal.recovery.CaseReason.NAME,
                            "matching: surname",
                            false,
                            Instant.now())));
    assertTrue(fresh.getId() > moved.getId(), "the sequence continues after the moved rows");
  }

  private static Map<String, AuditType> oldTypes() {
    Map<String, AuditType> m = new LinkedHashMap<>();
    String[][] pairs = {
      {"recovery.started", "RECOVERY_STARTED"},
      {"recovery.started.refused", "RECOVERY_STARTED_REFUSED"},
      {"recovery.device.remembered", "RECOVERY_DEVICE_REMEMBERED"},
      {"recovery.completed", "RECOVERY_COMPLETED"},
      {"verification.callback", "VERIFICATION_CALLBACK"},
      {"verification.unreachable", "VERIFICATION_UNREACHABLE"},
      {"verification.interrupted", "VERIFICATION_INTERRUPTED"},
      {"verification.failed", "VERIFICATION_FAILED"},
      {"verification.refused", "VERIFICATION_REFUSED"},
      {"verification.result.fetched", "VERIFICATION_RESULT_FETCHED"},
      {"matching.matched", "MATCHING_MATCHED"},
      {"reset.claimed", "RESET_CLAIMED"},
      {"reset.password", "RESET_PASSWORD"},
      {"reset.mfa", "RESET_MFA"},
      {"reset.mfa.detail", "RESET_MFA_DETAIL"},
      {"reset.mfa.remove", "RESET_MFA_REMOVE"},
      {"reset.part-done", "RESET_PART_DONE"},
      {"reset.revoke-sessions", "RESET_REVOKE_SESSIONS"},
      {"reset.check", "RESET_CHECK"},
      {"reset.check.started", "RESET_CHECK_STARTED"},
      {"notification.sent", "NOTIFICATION_SENT"},
      {"notification.failed", "NOTIFICATION_FAILED"},
      {"notification.reviewers.new-case", "NOTIFICATION_REVIEWERS_NEW_CASE"},
      {"notification.reviewers.overdue", "NOTIFICATION_REVIEWERS_OVERDUE"},
      {"notification.employee.approved", "NOTIFICATION_EMPLOYEE_APPROVED"},
      {"notification.employee.denied", "NOTIFICATION_EMPLOYEE_DENIED"},
      {"notification.invitation", "NOTIFICATION_INVITATION"},
      {"notification.activated", "NOTIFICATION_ACTIVATED"},
      {"notification.activated.manager", "NOTIFICATION_ACTIVATED_MANAGER"},
      {"notification.activation.approved", "NOTIFICATION_ACTIVATION_APPROVED"},
      {"notification.activation.denied", "NOTIFICATION_ACTIVATION_DENIED"},
      {"notification.helpdesk.link", "NOTIFICATION_HELPDESK_LINK"},
      {"notification.helpdesk.reset-link", "NOTIFICATION_HELPDESK_RESET_LINK"},
      {"alert.reported-not-me", "ALERT_REPORTED_NOT_ME"},
      {"review.case.opened", "REVIEW_CASE_OPENED"},
      {"review.case.viewed", "REVIEW_CASE_VIEWED"},
      {"review.case.claimed", "REVIEW_CASE_CLAIMED"},
      {"review.decision", "REVIEW_DECISION"},
      {"review.refused", "REVIEW_REFUSED"},
      {"review.approval.carried-over", "REVIEW_APPROVAL_CARRIED_OVER"},
      {"review.sla.breached", "REVIEW_SLA_BREACHED"},
      {"review.evidence.purged", "REVIEW_EVIDENCE_PURGED"},
      {"activation.invited", "ACTIVATION_INVITED"},
      {"activation.invitation.resent", "ACTIVATION_INVITATION_RESENT"},
      {"activation.invitation.superseded", "ACTIVATION_INVITATION_SUPERSEDED"},
      {"activation.invitation.revoked", "ACTIVATION_INVITATION_REVOKED"},
      {"activation.scan.skipped", "ACTIVATION_SCAN_SKIPPED"},
      {"activation.refused", "ACTIVATION_REFUSED"},
      {"activation.started", "ACTIVATION_STARTED"},
      {"activation.password", "ACTIVATION_PASSWORD"},
      {"activation.mfa", "ACTIVATION_MFA"},
      {"activation.enabled", "ACTIVATION_ENABLED"},
      {"activation.completed", "ACTIVATION_COMPLETED"},
      {"helpdesk.link.sent", "HELPDESK_LINK_SENT"},
      {"helpdesk.limited", "HELPDESK_LIMITED"},
      {"helpdesk.refused", "HELPDESK_REFUSED"},
      {"helpdesk.incode-unavailable", "HELPDESK_INCODE_UNAVAILABLE"},
      {"helpdesk.status", "HELPDESK_STATUS"},
      {"helpdesk.reset-link.sent", "HELPDESK_RESET_LINK_SENT"},
      {"helpdesk.reset-link.opened", "HELPDESK_RESET_LINK_OPENED"},
      {"staff.signed-in", "STAFF_SIGNED_IN"},
      {"staff.sign-in-failed", "STAFF_SIGN_IN_FAILED"},
      {"staff.signed-out", "STAFF_SIGNED_OUT"},
    };
    for (String[] p : pairs) {
      m.put(p[0], AuditType.valueOf(p[1]));
    }
    return m;
  }
}
