package io.recoveryportal.helpdesk.webhook;

import io.recoveryportal.security.OpaqueTokens;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * One session-webhook notification as Incode sends it (security.md §6; the sandbox's {@code
 * IncodeWebhooks}): {@code {"event", "interviewId", "integrationReference", "timestamp" (epoch ms),
 * "onboardingStatus"?}}. Every field may be missing (the legacy onboarding-status body has no
 * {@code event}); only a body that is not a JSON object, or a field of the wrong type, is refused.
 *
 * @param body the notification exactly as received, for the record
 */
public record SessionEvent(String event, String interviewId, Instant timestamp, String body) {

  public static final String SESSION_STARTED = "SESSION_STARTED";
  public static final String SESSION_PROGRESS = "SESSION_PROGRESS";
  public static final String SESSION_SUCCEEDED = "SESSION_SUCCEEDED";
  public static final String SESSION_FAILED = "SESSION_FAILED";
  public static final String SESSION_PENDING_REVIEW = "SESSION_PENDING_REVIEW";
  public static final String ONBOARDING_FINISHED = "ONBOARDING_FINISHED";

  /** What the body may not be; the message is for the 400 answer and names no value. */
  public static class Malformed extends Exception {

    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  public static SessionEvent parse(String body) throws Malformed {
    JsonObject o;
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue v = reader.readValue();
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new Malformed("The body must be a JSON object.");
      }
      o = v.asJsonObject();
    } catch (JsonParsingException e) {
      throw new Malformed("The body is not JSON.");
    } catch (JsonException | IllegalStateException e) {
      throw new Malformed("The body is not a single JSON value.");
    }
    return new SessionEvent(text(o, "event"), text(o, "interviewId"), time(o), body);
  }

  private static String text(JsonObject o, String name) throws Malformed {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonString s)) {
      throw new Malformed(name + " must be a string.");
    }
    String value = s.getString().strip();
    if (value.length() > 128) {
      throw new Malformed(name + " is too long.");
    }
    return value.isEmpty() ? null : value;
  }

  private static Instant time(JsonObject o) throws Malformed {
    JsonValue v = o.get("timestamp");
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      throw new Malformed("timestamp must be a whole number of milliseconds.");
    }
    try {
      return Instant.ofEpochMilli(n.longValueExact());
    } catch (ArithmeticException | DateTimeException e) {
      throw new Malformed("timestamp is out of range.");
    }
  }

  /**
   * The same for every copy of one notification (a retry, a duplicate) and different for any other:
   * Incode stamps each event once, so interview, event and time name it. Without a time the body
   * itself is the key.
   */
  public String naturalKey() {
    if (timestamp == null) {
      return OpaqueTokens.hash("body\u001f" + body);
    }
    return OpaqueTokens.hash(interviewId + "\u001f" + event + "\u001f" + timestamp.toEpochMilli());
  }

  @Override
  public String toString() {
    return "SessionEvent[event=" + event + ", interviewId=" + interviewId + "]";
  }
}
