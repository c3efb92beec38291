package io.recoveryportal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.recovery.AttemptRepository;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The migrations and the repositories, run against a real database by each subclass (H2 and
 * PostgreSQL), with the production persistence unit and the production migrations. Outside a
 * container, so transactions are resource-local here; the in-container run is PostgresDeploymentIT.
 */
abstract class RepositoryContract extends DatabaseContract {

  private <T> T inTx(Function<EntityManager, T> work) {
    return jpa().inTx(work);
  }

  private void run(Consumer<EntityManager> work) {
    jpa().run(work);
  }

  private static Attempt newAttempt(String idHash, Instant now) {
    return new Attempt(
        idHash,
        Attempt.Kind.RECOVERY,
        Attempt.RequestedAction.MFA,
        "jane.smith@contoso.com",
        now,
        Duration.ofMinutes(30));
  }

  @Test
  void migrationsAreIdempotent() {
    jpa();
    MigrateResult again = Migrations.migrate(dataSource());
    assertEquals(0, again.migrationsExecuted);
    assertEquals("1", again.targetSchemaVersion == null ? "1" : again.targetSchemaVersion);
  }

  @Test
  void anAttemptIsFoundByTheHashOfItsIdAndKeepsEveryField() {
    String raw = OpaqueTokens.generate();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long id =
        inTx(
            em -> {
              Attempt a = new AttemptRepository(em).add(newAttempt(OpaqueTokens.hash(raw), now));
              a.bindDirectoryUser("75e6eb66-f0af-5301-92f2-faf001d81f99");
              a.recordVerification("interview-1", "identity-1");
              em.flush();
              return a.getId();
            });
    Attempt found =
        inTx(em -> new AttemptRepository(em).findByIdHash(OpaqueTokens.hash(raw)).orElseThrow());
    assertEquals(id, found.getId());
    assertEquals(State.STARTED, found.getState());
    assertEquals(Attempt.RequestedAction.MFA, found.getRequestedAction());
    assertEquals(now, found.getCreatedAt());
    assertEquals(now.plus(Duration.ofMinutes(30)), found.getExpiresAt());
    assertEquals("75e6eb66-f0af-5301-92f2-faf001d81f99", found.getDirectoryUserId());
    assertEquals("identity-1", found.proofing().identityId());
    assertTrue(
        inTx(em -> new AttemptRepository(em).findByIdHash(OpaqueTokens.hash("someone else's")))
            .isEmpty());
  }

  @Test
  void theSameIdHashCannotBeStoredTwice() {
    String hash = OpaqueTokens.hash(OpaqueTokens.generate());
    Instant now = Instant.now();
    run(em -> new AttemptRepository(em).add(newAttempt(hash, now)));
    assertThrows(
        RuntimeException.class,
        () -> run(em -> new AttemptRepository(em).add(newAttempt(hash, now))));
  }

  @Test
  void twoConcurrentStepsOnOneAttemptCannotBothCommit() {
    String hash = OpaqueTokens.hash(OpaqueTokens.generate());
    Instant now = Instant.now();
    long versionBefore =
        inTx(em -> new AttemptRepository(em).add(newAttempt(hash, now))).getVersion();

    // two nodes (two persistence contexts) load the same attempt and both try the same transition
    EntityManager first = jpa().entityManager();
    EntityManager second = jpa().entityManager();
    try {
      first.getTransaction().begin();
      second.getTransaction().begin();
      new AttemptRepository(first)
          .findByIdHash(hash)
          .orElseThrow()
          .moveTo(State.STARTED, State.VERIFYING, now.plusSeconds(1));
      new AttemptRepository(second)
          .findByIdHash(hash)
          .orElseThrow()
          .moveTo(State.STARTED, State.VERIFYING, now.plusSeconds(1));
      first.getTransaction().commit();
      assertThrows(RollbackException.class, () -> second.getTransaction().commit());
    } finally {
      first.close();
      second.close();
    }
    Attempt after = inTx(em -> new AttemptRepository(em).findByIdHash(hash).orElseThrow());
    assertEquals(State.VERIFYING, after.getState());
    assertEquals(versionBefore + 1, after.getVersion(), "exactly one of the two steps was written");
  }

  @Test
  void auditEventsComeBackInOrderPerAttemptAndPerUser() {
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String user = "user-" + OpaqueTokens.generate().substring(0, 8);
    long attemptId =
        inTx(
            em ->
                new AttemptRepository(em)
                    .add(newAttempt(OpaqueTokens.hash(OpaqueTokens.generate()), t))
                    .getId());
    run(
        em -> {
          AuditLog log = new AuditLog(em);
          log.record(
              new AuditEvent(
                  t.plusSeconds(2),
                  AuditType.VERIFICATION_CALLBACK,
                  Actor.person("employee"),
                  attemptId,
                  user,
                  AuditOutcome.OK,
                  null));
          log.record(
              new AuditEvent(
                  t.plusSeconds(1),
                  AuditType.RECOVERY_STARTED_REFUSED,
                  Actor.person("employee"),
                  attemptId,
                  user,
                  AuditOutcome.REFUSED,
                  "privileged: directory role"));
          log.record(
              new AuditEvent(
                  t.minus(Duration.ofDays(40)),
                  AuditType.RESET_PASSWORD,
                  Actor.person("employee"),
                  null,
                  user,
                  AuditOutcome.OK,
                  null));
        });
    List<AuditEvent> forAttempt = inTx(em -> new AuditLog(em).forAttempt(attemptId));
    assertEquals(
        List.of(AuditType.RECOVERY_STARTED_REFUSED, AuditType.VERIFICATION_CALLBACK),
        forAttempt.stream().map(AuditEvent::getType).toList());
    assertEquals("privileged: directory role", forAttempt.get(0).getDetail());
    assertEquals(t.plusSeconds(1), forAttempt.get(0).getOccurredAt());
    assertEquals(
        2, inTx(em -> new AuditLog(em).forUserSince(user, t.minus(Duration.ofDays(30)))).size());
  }

  @Test
  void aNullRequiredColumnIsRejectedByTheSchema() {
    assertThrows(
        PersistenceException.class,
        () ->
            run(
                em -> {
                  em.persist(
                      new AuditEvent(
                          Instant.now(),
                          null,
                          Actor.person("employee"),
                          null,
                          null,
                          AuditOutcome.OK,
                          null));
                  em.flush();
                }));
  }
}
