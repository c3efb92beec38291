package io.recoveryportal.helpdesk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a notification: what is refused (400), what is kept, and which copies count as the same
 * notification.
 */
class SessionEventTest {

  private static final String SUCCEEDED =
      "{\"event\":\"SESSION_SUCCEEDED\",\"interviewId\":\"69eb79007bf0a36b5cb3a2d8\","
          + "\"integrationReference\":\"ref\",\"timestamp\":1777039677000}";

  @Test
  void aNotificationIsReadAndKeptAsReceived() throws Exception {
    SessionEvent e = SessionEvent.parse(SUCCEEDED);
    assertEquals("SESSION_SUCCEEDED", e.event());
    assertEquals("69eb79007bf0a36b5cb3a2d8", e.interviewId());
    assertEquals(Instant.ofEpochMilli(1777039677000L), e.timestamp());
    assertEquals(SUCCEEDED, e.body());
  }

  @Test
  void copiesOfOneNotificationShareAKeyAndOtherNotificationsDoNot() throws Exception {
    String reordered =
        "{\"timestamp\":1777039677000,\"interviewId\":\"69eb79007bf0a36b5cb3a2d8\",\"event\":\"SESSION_SUCCEEDED\","
            + "\"integrationReference\":\"ref\"}";
    assertEquals(
        SessionEvent.parse(SUCCEEDED).naturalKey(),
        SessionEvent.parse(reordered).naturalKey(),
        "a retry may serialise the same fields differently");
    assertNotEquals(
        SessionEvent.parse(SUCCEEDED).naturalKey(),
        SessionEvent.parse(SUCCEEDED.replace("SUCCEEDED", "FAILED")).naturalKey());
    assertNotEquals(
        SessionEvent.parse(SUCCEEDED).naturalKey(),
        SessionEvent.parse(SUCCEEDED.replace("677000", "677001")).naturalKey(),
        "two progress notices of one session differ by their time");
    assertNotEquals(
        SessionEvent.parse(SUCCEEDED).naturalKey(),
        SessionEvent.parse(SUCCEEDED.replace("69eb", "79eb")).naturalKey());
  }

  @Test
  void unknownAndLegacyShapesAreKeptNotRefused() throws Exception {
    SessionEvent legacy =
        SessionEvent.parse(
            "{\"interviewId\":\"abc\",\"onboardingStatus\":\"MANUAL_REVIEW_APPROVED\"}");
    assertNull(legacy.event());
    assertEquals("abc", legacy.interviewId());
    assertNull(legacy.timestamp());
    assertEquals(64, legacy.naturalKey().length(), "without a time the body is the key");
    assertEquals(
        "IDENTITY_ENROLLED", SessionEvent.parse("{\"event\":\"IDENTITY_ENROLLED\"}").event());
    assertNull(SessionEvent.parse("{}").event());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[1,2]",
        "\"SESSION_STARTED\"",
        "{\"event\":",
        "{\"event\":42}",
        "{\"interviewId\":{\"x\":1}}",
        "{\"timestamp\":\"yesterday\"}",
        "{\"timestamp\":1.5}",
        "{\"timestamp\":1e300}"
      })
  void aBodyThatIsNotANotificationIsRefused(String body) {
    assertThrows(SessionEvent.Malformed.class, () -> SessionEvent.parse(body));
  }
}
