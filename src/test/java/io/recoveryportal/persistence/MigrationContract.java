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
 * Issue 13's migrations on data the previous schema held: a fresh database is migrated to V11 (main before issue 13),
 * rows are written with plain SQL exactly as the old code wrote them, and then the remaining migrations run and the
 * rows are read back through the production persistence unit. Once per database (H2 and PostgreSQL subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MigrationContract {

    /** Every audit type the trail wrote before it was typed, as it wrote it, and the type it is now. */
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
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_event (id, occurred_at, event_type, actor, attempt_id, "
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

    private static void oldEvent(PreparedStatement p, int i, String type, String actor, String outcome) throws SQLException {
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
        assertEquals(expected, events.subList(0, expected.size()).stream().map(AuditEvent::getType).toList());
        // issue 16 added the audit trail's own types (AUDIT_*), which no older code wrote
        assertEquals(EnumSet.allOf(AuditType.class).stream().filter(t -> !t.name().startsWith("AUDIT_")).collect(java.util.stream.Collectors.toSet()),
                Set.copyOf(expected), "the enum holds exactly the types written before, and issue 16's own");
    }

    @Test
    void oldActorsSplitIntoKindAndId() {
        List<AuditEvent> events = oldAudit();
        List<Actor> actors = events.subList(OLD_TYPES.size(), events.size()).stream().map(AuditEvent::getActor).toList();
        assertEquals(List.of(Actor.staff("3f2c-oid"), Actor.staff(null), Actor.staff("3f2c-oid"), Actor.person("employee"),
                Actor.person("new-hire"), Actor.person("helpdesk-caller"), Actor.person("account-owner"), Actor.system("sla"),
                Actor.system("retention"), Actor.system("scan"), Actor.system("portal"), Actor.person("employee"),
                Actor.staff("rev-1")), actors);
        assertEquals(Actor.system(null), events.get(0).getActor(), "the bare word 'system'");
        assertEquals("staff:3f2c-oid", actors.get(0).label());
        assertEquals("system:scan", actors.get(9).label());
    }

    @Test
    void oldOutcomesAndTheRestOfTheRowAreKept() {
        List<AuditEvent> events = oldAudit();
        List<AuditOutcome> outcomes = events.subList(OLD_TYPES.size(), events.size()).stream().map(AuditEvent::getOutcome).toList();
        assertEquals(List.of(AuditOutcome.OK, AuditOutcome.WRONG_TENANT, AuditOutcome.IDLE_TIMEOUT, AuditOutcome.OK, AuditOutcome.OK,
                AuditOutcome.OK, AuditOutcome.ALERT, AuditOutcome.NOTIFIED, AuditOutcome.PURGED, AuditOutcome.REFUSED,
                AuditOutcome.PENDING_REVIEW, AuditOutcome.NOT_REDEEMED, AuditOutcome.AWAITING_SECOND_APPROVAL), outcomes);
        AuditEvent first = events.get(0);
        assertEquals(Instant.parse("2025-01-01T12:00:00Z"), first.getOccurredAt());
        assertEquals("user-0", first.getDirectoryUserId());
        assertEquals("old row 0", first.getDetail());
    }

    @Test
    void newEventsAreWrittenAfterTheOldOnes() throws SQLException {
        jpa.run(em -> new AuditLog(em).record(new AuditEvent(Instant.parse("2026-01-01T00:00:00Z"), AuditType.RESET_PASSWORD,
                Actor.person("employee"), null, "user-new", AuditOutcome.OK, null)));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT event_type, actor_kind, actor_id, outcome FROM audit_event WHERE directory_user_id = 'user-new'")) {
            assertTrue(rs.next());
            assertEquals("RESET_PASSWORD PERSON employee OK",
                    Arrays.stream(new int[] {1, 2, 3, 4}).mapToObj(k -> get(rs, k)).collect(Collectors.joining(" ")));
        }
    }

    /** V17 chains the events written before the chain existed (issue 16), oldest id first, and verification passes. */
    @Test
    void oldEventsAreChainedAndVerify() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT COUNT(*), COUNT(chain_seq), MIN(chain_seq) FROM audit_event WHERE attempt_id = " + AUDIT_ATTEMPT)) {
                assertTrue(rs.next());
                assertTrue(rs.getLong(1) > 0);
                assertEquals(rs.getLong(1), rs.getLong(2), "every old event has its place in the chain");
                assertEquals(1, rs.getLong(3));
            }
            io.recoveryportal.audit.ChainVerifier.Result r = io.recoveryportal.audit.ChainVerifier.verify(c);
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

    private static Map<String, AuditType> oldTypes() {
        Map<String, AuditType> m = new LinkedHashMap<>();
        String[][] pairs = {
            {"recovery.started", "RECOVERY_STARTED"}, {"recovery.started.refused", "RECOVERY_STARTED_REFUSED"},
            {"recovery.device.remembered", "RECOVERY_DEVICE_REMEMBERED"}, {"recovery.completed", "RECOVERY_COMPLETED"},
            {"verification.callback", "VERIFICATION_CALLBACK"}, {"verification.unreachable", "VERIFICATION_UNREACHABLE"},
            {"verification.interrupted", "VERIFICATION_INTERRUPTED"}, {"verification.failed", "VERIFICATION_FAILED"},
            {"verification.refused", "VERIFICATION_REFUSED"}, {"verification.result.fetched", "VERIFICATION_RESULT_FETCHED"},
            {"matching.matched", "MATCHING_MATCHED"}, {"reset.claimed", "RESET_CLAIMED"}, {"reset.password", "RESET_PASSWORD"},
            {"reset.mfa", "RESET_MFA"}, {"reset.mfa.detail", "RESET_MFA_DETAIL"}, {"reset.mfa.remove", "RESET_MFA_REMOVE"},
            {"reset.part-done", "RESET_PART_DONE"}, {"reset.revoke-sessions", "RESET_REVOKE_SESSIONS"}, {"reset.check", "RESET_CHECK"},
            {"reset.check.started", "RESET_CHECK_STARTED"}, {"notification.sent", "NOTIFICATION_SENT"},
            {"notification.failed", "NOTIFICATION_FAILED"}, {"notification.reviewers.new-case", "NOTIFICATION_REVIEWERS_NEW_CASE"},
            {"notification.reviewers.overdue", "NOTIFICATION_REVIEWERS_OVERDUE"},
            {"notification.employee.approved", "NOTIFICATION_EMPLOYEE_APPROVED"},
            {"notification.employee.denied", "NOTIFICATION_EMPLOYEE_DENIED"}, {"notification.invitation", "NOTIFICATION_INVITATION"},
            {"notification.activated", "NOTIFICATION_ACTIVATED"}, {"notification.activated.manager", "NOTIFICATION_ACTIVATED_MANAGER"},
            {"notification.activation.approved", "NOTIFICATION_ACTIVATION_APPROVED"},
            {"notification.activation.denied", "NOTIFICATION_ACTIVATION_DENIED"},
            {"notification.helpdesk.link", "NOTIFICATION_HELPDESK_LINK"},
            {"notification.helpdesk.reset-link", "NOTIFICATION_HELPDESK_RESET_LINK"}, {"alert.reported-not-me", "ALERT_REPORTED_NOT_ME"},
            {"review.case.opened", "REVIEW_CASE_OPENED"}, {"review.case.viewed", "REVIEW_CASE_VIEWED"},
            {"review.case.claimed", "REVIEW_CASE_CLAIMED"}, {"review.decision", "REVIEW_DECISION"}, {"review.refused", "REVIEW_REFUSED"},
            {"review.approval.carried-over", "REVIEW_APPROVAL_CARRIED_OVER"}, {"review.sla.breached", "REVIEW_SLA_BREACHED"},
            {"review.evidence.purged", "REVIEW_EVIDENCE_PURGED"}, {"activation.invited", "ACTIVATION_INVITED"},
            {"activation.invitation.resent", "ACTIVATION_INVITATION_RESENT"},
            {"activation.invitation.superseded", "ACTIVATION_INVITATION_SUPERSEDED"},
            {"activation.invitation.revoked", "ACTIVATION_INVITATION_REVOKED"}, {"activation.scan.skipped", "ACTIVATION_SCAN_SKIPPED"},
            {"activation.refused", "ACTIVATION_REFUSED"}, {"activation.started", "ACTIVATION_STARTED"},
            {"activation.password", "ACTIVATION_PASSWORD"}, {"activation.mfa", "ACTIVATION_MFA"}, {"activation.enabled", "ACTIVATION_ENABLED"},
            {"activation.completed", "ACTIVATION_COMPLETED"}, {"helpdesk.link.sent", "HELPDESK_LINK_SENT"},
            {"helpdesk.limited", "HELPDESK_LIMITED"}, {"helpdesk.refused", "HELPDESK_REFUSED"},
            {"helpdesk.incode-unavailable", "HELPDESK_INCODE_UNAVAILABLE"}, {"helpdesk.status", "HELPDESK_STATUS"},
            {"helpdesk.reset-link.sent", "HELPDESK_RESET_LINK_SENT"}, {"helpdesk.reset-link.opened", "HELPDESK_RESET_LINK_OPENED"},
            {"staff.signed-in", "STAFF_SIGNED_IN"}, {"staff.sign-in-failed", "STAFF_SIGN_IN_FAILED"}, {"staff.signed-out", "STAFF_SIGNED_OUT"},
        };
        for (String[] p : pairs) {
            m.put(p[0], AuditType.valueOf(p[1]));
        }
        return m;
    }
}
