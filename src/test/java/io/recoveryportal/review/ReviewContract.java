package io.recoveryportal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.AuditType;
import io.recoveryportal.matching.RuleResult;
import io.recoveryportal.matching.RuleStatus;
import io.recoveryportal.persistence.DatabaseContract;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.recovery.AttemptRepository;
import io.recoveryportal.recovery.CaseReason;
import io.recoveryportal.recovery.RecoverySettings;
import io.recoveryportal.recovery.Verdicts;
import io.recoveryportal.review.ReviewCases.Refused;
import io.recoveryportal.review.ReviewCases.Result;
import io.recoveryportal.security.OpaqueTokens;
import io.recoveryportal.verification.VerificationResult;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The review rules on a real database (H2 and PostgreSQL subclasses), with real transactions
 * racing.
 */
abstract class ReviewContract extends DatabaseContract {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Duration CLAIM = Duration.ofMinutes(30);
  private static final Duration WINDOW = Duration.ofHours(24);

  private final Reviewer rita = new Reviewer("rita-oid", "Rita Ramos", false);
  private final Reviewer ravi = new Reviewer("ravi-oid", "Ravi Rao", false);
  private final Reviewer sam = new Reviewer("sam-oid", "Sam Sato", true);

  /**
   * An attempt about {@code userId} escalated by the production path ({@link CaseOpening}); returns
   * its case reference.
   */
  private String openCase(String userId, boolean highRisk, Instant now) {
    String raw = verifiedAttempt(userId, now);
    String interview = "interview-" + SEQ.incrementAndGet();
    VerificationResult result =
        new VerificationResult(
            io.recoveryportal.verification.ProofingStatus.OK,
            "subject",
            "identity-" + userId,
            interview,
            "JANE SMITH",
            "JANE",
            java.time.LocalDate.of(1985, 6, 15),
            0.93);
    jpa()
        .run(
            em ->
                opening(em, now)
                    .openCase(
                        raw,
                        a -> {
                          a.recordProofing(
                              result.status(),
                              result.score(),
                              result.interviewId(),
                              result.identityId());
                          a.recordMatch(
                              io.recoveryportal.matching.Outcome.REVIEW,
                              java.util.List.of(
                                  new RuleResult(
                                      RuleResult.GIVEN_NAME, RuleStatus.FAIL, "BOB is not ROBERT"),
                                  new RuleResult(
                                      RuleResult.BIRTHDATE, RuleStatus.PASS, "same date")));
                        },
                        result,
                        new Verdicts.Escalate(CaseReason.NAME, "matching: given-name", highRisk)));
    return jpa()
        .inTx(
            em ->
                new AttemptRepository(em)
                    .findByIdHash(OpaqueTokens.hash(raw))
                    .orElseThrow()
                    .getCaseReference());
  }

  /**
   * Case opening and carry-over as the verdict calls them, on the caller's transaction, at {@code
   * at}.
   */
  private static CaseOpening opening(EntityManager em, Instant at) {
    AttemptRepository attempts = new AttemptRepository(em);
    io.recoveryportal.recovery.AttemptStore store =
        new io.recoveryportal.recovery.AttemptStore(
            attempts,
            new io.recoveryportal.audit.AuditLog(em),
            java.time.Clock.fixed(at, java.time.ZoneOffset.UTC));
    RecoverySettings settings =
        new RecoverySettings(
            new io.recoveryportal.config.PortalConfig() {
              @Override
              public java.util.Optional<String> value(String key) {
                return java.util.Optional.ofNullable(
                    java.util.Map.of(
                            "review.approval-window",
                            WINDOW.toString(),
                            "review.case-lifetime",
                            Duration.ofDays(14).toString())
                        .get(key));
              }
            });
    return new CaseOpening(store, attempts, new ReviewCases(em), settings, null);
  }

  private Attempt attempt(String ref) {
    return cases(c -> c.rowByReference(ref).orElseThrow().attempt());
  }

  private ReviewCase reviewCase(String ref) {
    return cases(c -> c.byReference(ref).orElseThrow());
  }

  private <T> T cases(java.util.function.Function<ReviewCases, T> work) {
    return jpa().inTx(em -> work.apply(new ReviewCases(em)));
  }

  private State state(String ref) {
    return attempt(ref).getState();
  }

  @Test
  void aClaimedCaseCanBeDecidedOnlyByItsClaimantAndTheOthersAreTold() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String ref = openCase("user-a", false, now);
    cases(c -> c.claim(ref, rita, now, CLAIM));
    Refused r =
        assertThrows(
            Refused.class, () -> cases(c -> c.claim(ref, ravi, now.plusSeconds(5), CLAIM)));
    assertTrue(r.getMessage().contains("Another reviewer"));
    assertThrows(
        Refused.class,
        () -> cases(c -> c.decide(ref, ravi, true, "looks fine", now.plusSeconds(6), WINDOW)));
    assertEquals(
        Result.APPROVED,
        cases(
            c ->
                c.decide(
                    ref,
                    rita,
                    true,
                    "passport name matches HR record",
                    now.plusSeconds(7),
                    WINDOW)));
    assertEquals(State.APPROVED, state(ref));
    Attempt after = attempt(ref);
    assertEquals(
        now.plusSeconds(7).plus(WINDOW),
        after.getExpiresAt(),
        "the employee has the approval window to finish");
    assertEquals(1, cases(c -> c.decisions(c.byReference(ref).orElseThrow().getId())).size());
  }

  @Test
  void claimsExpire() {
    Instant now = Instant.now();
    String ref = openCase("user-b", false, now);
    cases(c -> c.claim(ref, rita, now, CLAIM));
    // after the claim has run out, another reviewer may take the case, and the first may no longer
    // decide it
    cases(c -> c.claim(ref, ravi, now.plus(CLAIM).plusSeconds(1), CLAIM));
    assertThrows(
        Refused.class,
        () ->
            cases(
                c ->
                    c.decide(
                        ref, rita, false, "too late", now.plus(CLAIM).plusSeconds(2), WINDOW)));
    assertEquals(
        Result.DENIED,
        cases(
            c ->
                c.decide(
                    ref,
                    ravi,
                    false,
                    "document does not match",
                    now.plus(CLAIM).plusSeconds(3),
                    WINDOW)));
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
    assertEquals(
        Result.AWAITING_SECOND_APPROVAL,
        cases(c -> c.decide(ref, rita, true, "first look: fine", now.plusSeconds(1), WINDOW)));
    assertEquals(State.ESCALATED, state(ref));
    // the same reviewer again: refused, already at the claim, so they cannot block the case
    assertTrue(
        assertThrows(Refused.class, () -> cases(c -> c.claim(ref, rita, now.plusSeconds(2), CLAIM)))
            .getMessage()
            .contains("second approver"));
    // another reviewer who is not senior: refused
    assertTrue(
        assertThrows(Refused.class, () -> cases(c -> c.claim(ref, ravi, now.plusSeconds(4), CLAIM)))
            .getMessage()
            .contains("senior"));
    // a senior reviewer completes it
    cases(c -> c.claim(ref, sam, now.plusSeconds(6), CLAIM));
    assertEquals(
        Result.APPROVED,
        cases(c -> c.decide(ref, sam, true, "second approval", now.plusSeconds(7), WINDOW)));
    assertEquals(State.APPROVED, state(ref));
  }

  @Test
  void aDecisionNeedsAReason() {
    Instant now = Instant.now();
    String ref = openCase("user-d", false, now);
    cases(c -> c.claim(ref, rita, now, CLAIM));
    assertThrows(
        Refused.class,
        () -> cases(c -> c.decide(ref, rita, true, "  ", now.plusSeconds(1), WINDOW)));
    assertEquals(State.ESCALATED, state(ref));
  }

  @Test
  void aReasonLongerThanTheRecordHoldsIsRefusedBeforeTheDatabase() {
    Instant now = Instant.now();
    String ref = openCase("user-d2", false, now);
    cases(c -> c.claim(ref, rita, now, CLAIM));
    // only the browser's maxlength stops this; the column holds 2,000 characters
    Refused r =
        assertThrows(
            Refused.class,
            () ->
                cases(
                    c -> c.decide(ref, rita, true, "x".repeat(2001), now.plusSeconds(1), WINDOW)));
    assertTrue(r.getMessage().contains("2,000"), r.getMessage());
    assertEquals(State.ESCALATED, state(ref));
    // the longest reason that fits is recorded whole
    assertEquals(
        Result.APPROVED,
        cases(
            c ->
                c.decide(
                    ref, rita, true, " " + "y".repeat(2000) + " ", now.plusSeconds(2), WINDOW)));
  }

  @Test
  void twoConcurrentDecisionsOnOneCaseExactlyOneWins() {
    Instant now = Instant.now();
    String ref = openCase("user-e", false, now);
    cases(c -> c.claim(ref, rita, now, CLAIM));
    // two requests of the same claimant (two tabs, a double click, two nodes) both read the open
    // case ...
    EntityManager first = jpa().entityManager();
    EntityManager second = jpa().entityManager();
    int wins = 0;
    try {
      second.getTransaction().begin();
      new ReviewCases(second).rowByReference(ref).orElseThrow();
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

  // ---- the console's store: queue, overdue announcements, retention, carried-over approvals ----

  private static ReviewSettings settings(Duration sla, Duration retention) {
    return new ReviewSettings() {
      @Override
      public Duration sla() {
        return sla;
      }

      @Override
      public Duration retention() {
        return retention;
      }

      @Override
      public Duration claimDuration() {
        return CLAIM;
      }

      @Override
      public java.util.Optional<String> dashboardLink(String interviewId) {
        return java.util.Optional.of("https://dashboard.example/sessions/" + interviewId);
      }
    };
  }

  private <T> T store(
      Instant at, Duration retention, java.util.function.Function<ReviewStore, T> work) {
    return jpa()
        .inTx(
            em ->
                work.apply(
                    new ReviewStore(
                        new ReviewCases(em),
                        new io.recoveryportal.audit.AuditLog(em),
                        settings(Duration.ofHours(4), retention),
                        java.time.Clock.fixed(at, java.time.ZoneOffset.UTC))));
  }

  private java.util.List<AuditType> auditTypes(String ref) {
    return jpa()
        .inTx(
            em -> {
              long id = new ReviewCases(em).byReference(ref).orElseThrow().getAttemptId();
              return new io.recoveryportal.audit.AuditLog(em)
                  .forAttempt(id).stream().map(e -> e.getType()).toList();
            });
  }

  @Test
  void retentionClearsTheVerifiedDataOfDecidedCasesAndKeepsDecisionRulesHashAndAudit() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Duration retention = Duration.ofDays(30);
    String ref = openCase("user-retention", false, now);
    store(
        now,
        retention,
        s -> {
          s.claim(ref, rita);
          return s.decide(ref, rita, false, "document photo does not match", WINDOW);
        });
    Attempt before = attempt(ref);
    String expectedHash = ReviewStore.evidenceHash(before);

    // not yet due: nothing changes
    store(now.plus(Duration.ofDays(29)), retention, ReviewStore::purgeEvidence);
    assertEquals("JANE SMITH", attempt(ref).proofing().verifiedFullName());

    Instant later = now.plus(Duration.ofDays(31));
    assertTrue(store(later, retention, ReviewStore::purgeEvidence) >= 1);
    Attempt after = attempt(ref);
    assertEquals(null, after.proofing().verifiedFullName());
    assertEquals(null, after.proofing().verifiedGivenName());
    assertEquals(null, after.proofing().verifiedBirthdate());
    assertEquals(
        expectedHash, reviewCase(ref).getEvidenceHash(), "a hash of exactly what was purged");
    assertEquals(64, reviewCase(ref).getEvidenceHash().length());
    assertEquals(before.getMatchRules(), after.getMatchRules(), "the rule outcomes stay");
    assertEquals(
        java.util.List.of("given-name=FAIL: BOB is not ROBERT", "birthdate=PASS: same date"),
        after.getMatchRules().stream().map(Object::toString).toList());
    assertEquals(State.DENIED, after.getState());
    assertEquals(
        1,
        cases(c -> c.decisions(c.byReference(ref).orElseThrow().getId())).size(),
        "the decision stays");
    assertEquals(
        java.util.List.of(
            AuditType.REVIEW_CASE_OPENED,
            AuditType.REVIEW_CASE_CLAIMED,
            AuditType.REVIEW_DECISION,
            AuditType.REVIEW_EVIDENCE_PURGED),
        auditTypes(ref),
        "the earlier audit trail is intact and the purge is in it");

    // the case page still opens, without the data, with the hash
    CaseFile file = store(later, retention, s -> s.read(ref, null).orElseThrow());
    assertEquals(null, file.verified().fullName());
    assertEquals(expectedHash, file.verified().evidenceHash());
    assertEquals(1, file.decisions().size());
    assertEquals(
        0,
        (int) store(later.plusSeconds(60), retention, ReviewStore::purgeEvidence),
        "a second run has nothing left to purge");
    assertEquals(
        java.util.List.of(
            AuditType.REVIEW_CASE_OPENED,
            AuditType.REVIEW_CASE_CLAIMED,
            AuditType.REVIEW_DECISION,
            AuditType.REVIEW_EVIDENCE_PURGED),
        auditTypes(ref));
  }

  @Test
  void anOpenCaseIsNeverPurgedBeforeItIsDecidedOrExpired() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String ref = openCase("user-open", false, now);
    // the case lives 14 days; retention of one day must not touch it while it can still be decided
    store(now.plus(Duration.ofDays(3)), Duration.ofDays(1), ReviewStore::purgeEvidence);
    assertEquals("JANE SMITH", attempt(ref).proofing().verifiedFullName());
  }

  @Test
  void overdueCasesAreAnnouncedOnceAndTheQueueShowsAgeClaimAndApprovals() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String ref = openCase("user-sla", true, now);
    java.util.List<QueueItem> early =
        store(now.plus(Duration.ofHours(1)), Duration.ofDays(30), s -> s.queue(rita.id()));
    QueueItem item =
        early.stream().filter(i -> i.reference().equals(ref)).findFirst().orElseThrow();
    assertTrue(
        !item.overdue()
            && item.highRisk()
            && item.reason() == CaseReason.NAME
            && "FREE".equals(item.claim()));
    assertEquals(Duration.ofHours(3), item.slaLeft());

    assertTrue(
        store(now.plus(Duration.ofHours(1)), Duration.ofDays(30), ReviewStore::announceOverdue)
            .stream()
            .noneMatch(ref::equals));
    Instant late = now.plus(Duration.ofHours(5));
    assertTrue(store(late, Duration.ofDays(30), ReviewStore::announceOverdue).contains(ref));
    assertTrue(
        store(late.plusSeconds(60), Duration.ofDays(30), ReviewStore::announceOverdue).stream()
            .noneMatch(ref::equals),
        "announced once");

    store(
        late,
        Duration.ofDays(30),
        s -> {
          s.claim(ref, rita);
          return s.decide(ref, rita, true, "first approval", WINDOW);
        });
    QueueItem waiting =
        store(late.plusSeconds(1), Duration.ofDays(30), s -> s.queue(sam.id())).stream()
            .filter(i -> i.reference().equals(ref))
            .findFirst()
            .orElseThrow();
    assertTrue(waiting.overdue());
    assertEquals(1, waiting.approvals());
    assertTrue(
        waiting.slaText(java.util.Locale.ENGLISH).startsWith("overdue by 1 h"),
        waiting.slaText(java.util.Locale.ENGLISH));
  }

  @Test
  void theAgentWhoEscalatedACaseCannotDecideIt() {
    Instant now = Instant.now();
    String ref = openCase("user-helpdesk", false, now);
    jpa()
        .run(
            em ->
                new ReviewCases(em)
                    .rowByReference(ref)
                    .orElseThrow()
                    .attempt()
                    .escalatedBy(ravi.id()));
    assertTrue(
        assertThrows(Refused.class, () -> cases(c -> c.claim(ref, ravi, now, CLAIM)))
            .getMessage()
            .contains("yourself"));
    cases(c -> c.claim(ref, rita, now, CLAIM));
  }

  @Test
  void anExpiredCaseCannotBeDecided() {
    Instant now = Instant.now();
    String ref = openCase("user-expired", false, now);
    Instant later = now.plus(Duration.ofDays(15));
    assertTrue(
        assertThrows(Refused.class, () -> cases(c -> c.claim(ref, rita, later, CLAIM)))
            .getMessage()
            .contains("expired"));
    assertTrue(
        store(later, Duration.ofDays(30), s -> s.queue(rita.id())).stream()
            .noneMatch(i -> i.reference().equals(ref)),
        "an expired case leaves the queue");
  }

  @Test
  void anApprovalCarriesOverOnceToTheSameIdentityAndAccountWithinItsWindow() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String ref = openCase("user-return", false, now);
    cases(c -> c.claim(ref, rita, now, CLAIM));
    cases(c -> c.decide(ref, rita, true, "matches HR record", now.plusSeconds(1), WINDOW));

    String otherIdentity = verifiedAttempt("user-return", now.plusSeconds(30));
    Instant later = now.plus(Duration.ofHours(2));
    assertTrue(
        !carryOver(otherIdentity, "user-return", "identity-someone-else", later),
        "another identity: no");
    String returning = verifiedAttempt("user-return", now.plusSeconds(60));
    assertTrue(
        !carryOver(
            returning, "user-return", "identity-user-return", now.plus(WINDOW).plusSeconds(5)),
        "after the window: no");
    assertTrue(carryOver(returning, "user-return", "identity-user-return", later));
    assertEquals(State.EXPIRED, state(ref), "the earlier approval is used up");
    Attempt carried =
        jpa()
            .inTx(
                em ->
                    new AttemptRepository(em)
                        .findByIdHash(OpaqueTokens.hash(returning))
                        .orElseThrow());
    assertEquals(State.APPROVED, carried.getState());
    assertEquals(
        now.plusSeconds(1).plus(WINDOW),
        carried.getExpiresAt(),
        "the approval's own window, not a new one");
    String third = verifiedAttempt("user-return", now.plusSeconds(90));
    assertTrue(
        carryOver(third, "user-return", "identity-user-return", later.plusSeconds(1)),
        "still within the window, the approval can move on again, but only from the attempt that holds it");
    assertEquals(
        State.EXPIRED,
        jpa()
            .inTx(
                em ->
                    new AttemptRepository(em)
                        .findByIdHash(OpaqueTokens.hash(returning))
                        .orElseThrow()
                        .getState()));
  }

  /** A fresh attempt for {@code userId} that has just come back from Incode; returns its raw id. */
  private String verifiedAttempt(String userId, Instant at) {
    String raw = OpaqueTokens.generate();
    jpa()
        .run(
            em -> {
              Attempt a =
                  new Attempt(
                      OpaqueTokens.hash(raw),
                      Attempt.Kind.RECOVERY,
                      Attempt.RequestedAction.PASSWORD,
                      "someone@contoso.com",
                      at,
                      Duration.ofDays(2));
              a.bindDirectoryUser(userId);
              a.moveTo(State.STARTED, State.VERIFYING, at);
              a.moveTo(State.VERIFYING, State.VERIFIED, at);
              new AttemptRepository(em).add(a);
            });
    return raw;
  }

  private boolean carryOver(String raw, String userId, String identityId, Instant at) {
    return jpa()
        .inTx(
            em ->
                opening(em, at)
                    .carryOverApproval(
                        raw,
                        new AttemptRepository(em)
                            .findByIdHash(OpaqueTokens.hash(raw))
                            .orElseThrow(),
                        identityId,
                        a ->
                            a.recordProofing(
                                io.recoveryportal.verification.ProofingStatus.OK,
                                0.9,
                                "interview-again",
                                identityId)));
  }
}
