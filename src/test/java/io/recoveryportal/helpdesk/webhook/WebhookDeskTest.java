package io.recoveryportal.helpdesk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.helpdesk.HelpdeskProgress;
import io.recoveryportal.persistence.DatabaseContract;
import io.recoveryportal.security.OpaqueTokens;
import io.recoveryportal.verification.ProofingUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an authenticated notification does, on a real (H2) database with a transaction per step as
 * in the container: stored once, handed to the helpdesk once, refused only when it is not a
 * notification, left for Incode's retry when the result is not there yet. The helpdesk itself is a
 * recording stand-in here; the whole path runs in HelpdeskIT.
 */
class WebhookDeskTest extends DatabaseContract {

  private final JdbcDataSource ds = new JdbcDataSource();
  private final Clock clock = Clock.systemUTC();
  private final Helpdesk helpdesk = new Helpdesk();

  WebhookDeskTest() {
    ds.setURL(
        "jdbc:h2:file:./target/h2-webhook-test/portal-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("portal");
    ds.setPassword("");
  }

  @Override
  protected DataSource dataSource() {
    return ds;
  }

  /** Records each call; answers as told. */
  private static final class Helpdesk extends HelpdeskProgress {

    final List<String> calls = new ArrayList<>();
    Progress next = Progress.APPLIED;
    boolean incodeDown;

    @Override
    public Progress sessionStarted(String interviewId, Instant at) {
      calls.add("started " + interviewId + " at " + at);
      return next;
    }

    @Override
    public Progress sessionEnded(String interviewId) {
      calls.add("ended " + interviewId);
      if (incodeDown) {
        throw new ProofingUnavailableException("connection refused", null);
      }
      return next;
    }
  }

  /** The container gives each call its own transaction; so does this. */
  private final class Events extends WebhookEvents {

    private <T> T tx(Function<WebhookEvents, T> work) {
      return jpa().inTx(em -> work.apply(new WebhookEvents(em, clock)));
    }

    @Override
    public ReceivedEvent record(SessionEvent e) {
      return tx(x -> x.record(e));
    }

    @Override
    public void processed(long id, String outcome) {
      tx(
          x -> {
            x.processed(id, outcome);
            return null;
          });
    }

    @Override
    public Optional<ReceivedEvent> find(String naturalKey) {
      return tx(x -> x.find(naturalKey));
    }

    @Override
    public List<ReceivedEvent> forInterview(String interviewId) {
      return tx(x -> x.forInterview(interviewId));
    }
  }

  private final Events events = new Events();
  private final WebhookDesk desk = new WebhookDesk(events, helpdesk);

  /**
   * One test instance serves every test (a database per class): the stand-in starts afresh for
   * each.
   */
  @BeforeEach
  void freshHelpdesk() {
    helpdesk.calls.clear();
    helpdesk.next = HelpdeskProgress.Progress.APPLIED;
    helpdesk.incodeDown = false;
  }

  private static String body(String event, String interviewId, long millis) {
    return "{\"event\":\""
        + event
        + "\",\"interviewId\":\""
        + interviewId
        + "\",\"integrationReference\":\"ref\",\"timestamp\":"
        + millis
        + "}";
  }

  private static String interview() {
    return "iv-" + OpaqueTokens.generate().substring(0, 12);
  }

  @Test
  void aNotificationIsHandedOnOnceAndItsCopiesAreAnsweredAsDuplicates() {
    String id = interview();
    WebhookDesk.Answer first = desk.receive(body("SESSION_SUCCEEDED", id, 1777039677000L));
    assertEquals(new WebhookDesk.Answer(200, "APPLIED", null), first);
    WebhookDesk.Answer copy = desk.receive(body("SESSION_SUCCEEDED", id, 1777039677000L));
    assertEquals(200, copy.status(), "Incode must stop retrying");
    assertEquals("DUPLICATE", copy.outcome());
    assertEquals(List.of("ended " + id), helpdesk.calls, "applied once");
    List<ReceivedEvent> stored = events.forInterview(id);
    assertEquals(1, stored.size());
    assertEquals(2, stored.get(0).getCopies());
  }

  @Test
  void startedAndProgressMoveToInProgressWithIncodesTime() {
    String id = interview();
    desk.receive(body("SESSION_STARTED", id, 1777039677000L));
    desk.receive(body("SESSION_PROGRESS", id, 1777039678000L));
    assertEquals(
        List.of(
            "started " + id + " at " + Instant.ofEpochMilli(1777039677000L),
            "started " + id + " at " + Instant.ofEpochMilli(1777039678000L)),
        helpdesk.calls);
  }

  @Test
  void everyEndingEventFetchesTheResult() {
    String id = interview();
    for (String e :
        List.of(
            "SESSION_SUCCEEDED",
            "SESSION_FAILED",
            "SESSION_PENDING_REVIEW",
            "ONBOARDING_FINISHED")) {
      assertEquals(200, desk.receive(body(e, id, 1777039677000L + e.length())).status());
    }
    assertEquals(4, helpdesk.calls.stream().filter(c -> c.equals("ended " + id)).count());
  }

  @Test
  void unknownEventsAndOtherSessionsAreStoredAndIgnored() {
    String id = interview();
    assertEquals(
        "UNKNOWN_EVENT", desk.receive(body("IDENTITY_ENROLLED", id, 1777039677000L)).outcome());
    assertEquals(
        "IGNORED",
        desk.receive(
                "{\"interviewId\":\"" + id + "\",\"onboardingStatus\":\"MANUAL_REVIEW_APPROVED\"}")
            .outcome(),
        "the legacy body feeds nothing: our own review decides");
    helpdesk.next = HelpdeskProgress.Progress.NO_SUCH_REQUEST;
    assertEquals("NOT_OURS", desk.receive(body("SESSION_SUCCEEDED", id, 1777039679000L)).outcome());
    assertEquals(
        List.of("IDENTITY_ENROLLED", "SESSION_SUCCEEDED"),
        events.forInterview(id).stream()
            .map(ReceivedEvent::getEventType)
            .filter(t -> t != null)
            .toList());
    assertEquals(3, events.forInterview(id).size());
    assertEquals(List.of("ended " + id), helpdesk.calls);
  }

  @Test
  void aBodyThatIsNotANotificationIs400AndStoresNothing() {
    WebhookDesk.Answer a = desk.receive("{\"event\": [\"SESSION_SUCCEEDED\"]}");
    assertEquals(400, a.status());
    assertTrue(a.message().contains("event"), a.message());
    assertEquals(400, desk.receive("<xml/>").status());
    assertTrue(helpdesk.calls.isEmpty());
  }

  @Test
  void whenIncodeHasNoResultYetOrCannotBeReachedTheRetryTriesAgain() {
    String id = interview();
    helpdesk.next = HelpdeskProgress.Progress.RESULT_NOT_READY;
    assertEquals(503, desk.receive(body("ONBOARDING_FINISHED", id, 1777039677000L)).status());
    helpdesk.next = HelpdeskProgress.Progress.APPLIED;
    helpdesk.incodeDown = true;
    assertEquals(503, desk.receive(body("ONBOARDING_FINISHED", id, 1777039677000L)).status());
    helpdesk.incodeDown = false;
    assertEquals(
        new WebhookDesk.Answer(200, "APPLIED", null),
        desk.receive(body("ONBOARDING_FINISHED", id, 1777039677000L)),
        "the third delivery of the same notification is dealt with");
    assertEquals(3, helpdesk.calls.size());
    assertEquals("APPLIED", events.forInterview(id).get(0).getOutcome());
    assertEquals(3, events.forInterview(id).get(0).getCopies());
  }
}
