package io.recoveryportal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.persistence.DatabaseContract;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.recovery.AttemptRepository;
import io.recoveryportal.review.ReviewCases.Refused;
import io.recoveryportal.review.ReviewCases.Result;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The review rules on a real database (H2 and PostgreSQL subclasses), with real transactions racing. */
abstract class ReviewContract extends DatabaseContract {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Duration CLAIM = Duration.ofMinutes(30);
    private static final Duration WINDOW = Duration.ofHours(24);

    private final Reviewer rita = new Reviewer("rita-oid", "Rita Ramos", false);
    private final Reviewer ravi = new Reviewer("ravi-oid", "Ravi Rao", false);
    private final Reviewer sam = new Reviewer("sam-oid", "Sam Sato", true);

    /** An escalated attempt about {@code userId}; returns its case reference. */
    private String openCase(String userId, boolean highRisk, Instant now) {
        String ref = "RC-T" + String.format("%08d", SEQ.incrementAndGet());
        jpa().run(em -> {
            Attempt a = new Attempt(OpaqueTokens.hash(OpaqueTokens.generate()), Attempt.Kind.RECOVERY,
                    Attempt.RequestedAction.PASSWORD, "someone@contoso.com", now, Duration.ofMinutes(30));
            a.bindDirectoryUser(userId);
            a.moveTo(State.STARTED, State.VERIFYING, now);
            a.moveTo(State.VERIFYING, State.VERIFIED, now);
            a.keepEvidence("JANE SMITH", "JANE", java.time.LocalDate.of(1985, 6, 15), ref);
            a.escalated("matching: given-name", highRisk, now, Duration.ofDays(14));
            a.moveTo(State.VERIFIED, State.ESCALATED, now);
            new AttemptRepository(em).add(a);
        });
        return ref;
    }

    private <T> T cases(java.util.function.Function<ReviewCases, T> work) {
        return jpa().inTx(em -> work.apply(new ReviewCases(em)));
    }

    private State state(String ref) {
        return cases(c -> c.byReference(ref).orElseThrow().getState());
    }

    @Test
    void aClaimedCaseCanBeDecidedOnlyByItsClaimantAndTheOthersAreTold() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String ref = openCase("user-a", false, now);
        cases(c -> c.claim(ref, rita, now, CLAIM));
        Refused r = assertThrows(Refused.class, () -> cases(c -> c.claim(ref, ravi, now.plusSeconds(5), CLAIM)));
        assertTrue(r.getMessage().contains("Another reviewer"));
        assertThrows(Refused.class, () -> cases(c -> c.decide(ref, ravi, true, "looks fine", now.plusSeconds(6), WINDOW)));
        assertEquals(Result.APPROVED, cases(c -> c.decide(ref, rita, true, "passport name matches HR record", now.plusSeconds(7), WINDOW)));
        assertEquals(State.APPROVED, state(ref));
        Attempt after = cases(c -> c.byReference(ref).orElseThrow());
        assertEquals(now.plusSeconds(7).plus(WINDOW), after.getExpiresAt(), "the employee has the approval window to finish");
        assertEquals(1, cases(c -> c.decisions(after.getId())).size());
    }

    @Test
    void claimsExpire() {
        Instant now = Instant.now();
        String ref = openCase("user-b", false, now);
        cases(c -> c.claim(ref, rita, now, CLAIM));
        // after the claim has run out, another reviewer may take the case, and the first may no longer decide it
        cases(c -> c.claim(ref, ravi, now.plus(CLAIM).plusSeconds(1), CLAIM));
        assertThrows(Refused.class, () -> cases(c -> c.decide(ref, rita, false, "too late", now.plus(CLAIM).plusSeconds(2), WINDOW)));
        assertEquals(Result.DENIED, cases(c -> c.decide(ref, ravi, false, "document does not match", now.plus(CLAIM).plusSeconds(3), WINDOW)));
        assertEquals(State.DENIED, state(ref));
    }

    @Test
    void nobodyDecidesACaseAboutTheirOwnAccount() {
        Instant now = Instant.now();
        String ref = openCase(rita.id(), false, now);
        Refused r = assertThrows(Refused.class, () -> cases(c -> c.claim(ref, rita, now, CLAIM)));
        assertTrue(r.getMessage().contains("your own account"));
        assertEquals(State.ESCALATED, state(ref));
    }

    @Test
    void aHighRiskCaseNeedsTwoDifferentApproversTheSecondSenior() {
        Instant now = Instant.now();
        String ref = openCase("user-c", true, now);
        cases(c -> c.claim(ref, rita, now, CLAIM));
        assertEquals(Result.AWAITING_SECOND_APPROVAL, cases(c -> c.decide(ref, rita, true, "first look: fine", now.plusSeconds(1), WINDOW)));
        assertEquals(State.ESCALATED, state(ref));
        // the same reviewer again: refused
        cases(c -> c.claim(ref, rita, now.plusSeconds(2), CLAIM));
        assertTrue(assertThrows(Refused.class, () -> cases(c -> c.decide(ref, rita, true, "again", now.plusSeconds(3), WINDOW)))
                .getMessage().contains("second approver"));
        // another reviewer who is not senior: refused
        cases(c -> c.claim(ref, ravi, now.plus(CLAIM).plusSeconds(4), CLAIM));
        assertTrue(assertThrows(Refused.class, () -> cases(c -> c.decide(ref, ravi, true, "ok", now.plus(CLAIM).plusSeconds(5), WINDOW)))
                .getMessage().contains("senior"));
        // a senior reviewer completes it
        cases(c -> c.claim(ref, sam, now.plus(CLAIM.multipliedBy(2)).plusSeconds(6), CLAIM));
        assertEquals(Result.APPROVED, cases(c -> c.decide(ref, sam, true, "second approval", now.plus(CLAIM.multipliedBy(2)).plusSeconds(7), WINDOW)));
        assertEquals(State.APPROVED, state(ref));
    }

    @Test
    void aDecisionNeedsAReason() {
        Instant now = Instant.now();
        String ref = openCase("user-d", false, now);
        cases(c -> c.claim(ref, rita, now, CLAIM));
        assertThrows(Refused.class, () -> cases(c -> c.decide(ref, rita, true, "  ", now.plusSeconds(1), WINDOW)));
        assertEquals(State.ESCALATED, state(ref));
    }

    @Test
    void twoConcurrentDecisionsOnOneCaseExactlyOneWins() {
        Instant now = Instant.now();
        String ref = openCase("user-e", false, now);
        cases(c -> c.claim(ref, rita, now, CLAIM));
        // two requests of the same claimant (two tabs, a double click, two nodes) both read the open case ...
        EntityManager first = jpa().entityManager();
        EntityManager second = jpa().entityManager();
        int wins = 0;
        try {
            second.getTransaction().begin();
            new ReviewCases(second).byReference(ref).orElseThrow();
            // ... one decides and commits first ...
            first.getTransaction().begin();
            new ReviewCases(first).decide(ref, rita, true, "approve", now.plusSeconds(1), WINDOW);
            first.getTransaction().commit();
            wins++;
            // ... and the other, deciding on what it read, is refused by the version check
            try {
                new ReviewCases(second).decide(ref, rita, false, "deny", now.plusSeconds(1), WINDOW);
                second.getTransaction().commit();
                wins++;
            } catch (RuntimeException e) {
                // Refused (the version check) or a rollback: the loser is told, nothing of it is written
            }
        } finally {
            if (second.getTransaction().isActive()) {
                second.getTransaction().rollback();
            }
            first.close();
            second.close();
        }
        assertEquals(1, wins, "exactly one decision committed");
        assertEquals(State.APPROVED, state(ref));
        long decisionCount = cases(c -> c.decisions(c.byReference(ref).orElseThrow().getId())).size();
        assertEquals(1, decisionCount, "the loser's decision was rolled back");
    }
}
