package io.recoveryportal.siem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How events are written for the SIEM. Both forms are one JSON object per event, one per line:
 *
 * <ul>
 *   <li>{@link Kind#SPLUNK_HEC}: Splunk's HTTP Event Collector ({@code /services/collector/event}),
 *       each event wrapped as {@code {"time": <epoch seconds>, "host", "source": "recovery-portal",
 *       "sourcetype": "recovery-portal:audit", "event": {...}}};
 *   <li>{@link Kind#JSON_LINES}: the event objects alone ({@code application/x-ndjson}), for
 *       collectors that take JSON lines over HTTPS (Elastic, Logstash's http input, Vector, Fluent
 *       Bit, a Sentinel/Azure Monitor forwarder).
 * </ul>
 *
 * The event object: {@code seq} (its place in the chain), {@code time} (ISO-8601), every audit
 * column by name (numbers stay strings as the chain hashes them), {@code prev_hash} and {@code
 * hash}, so that the SIEM's copy can be checked against the chain on its own.
 */
public final class SiemFormat {

  public enum Kind {
    SPLUNK_HEC,
    JSON_LINES
  }

  private SiemFormat() {}

  public static String contentType(Kind kind) {
    return kind == Kind.SPLUNK_HEC ? "application/json" : "application/x-ndjson";
  }

  public static String body(Kind kind, List<OutboxEvent> events, String host) {
    StringBuilder b = new StringBuilder(events.size() * 400);
    for (OutboxEvent e : events) {
      JsonObjectBuilder event =
          Json.createObjectBuilder().add("seq", e.seq()).add("time", e.occurredAt().toString());
      for (Map.Entry<String, String> column : e.columns().entrySet()) {
        if (!column.getKey().equals("occurred_at")) {
          if (column.getValue() == null) {
            event.addNull(column.getKey());
          } else {
            event.add(column.getKey(), column.getValue());
          }
        }
      }
      event.add("prev_hash", e.prevHash()).add("hash", e.hash());
      if (kind == Kind.SPLUNK_HEC) {
        b.append(
            Json.createObjectBuilder()
                .add("time", BigDecimal.valueOf(e.occurredAt().toEpochMilli()).movePointLeft(3))
                .add("host", host)
                .add("source", "recovery-portal")
                .add("sourcetype", "recovery-portal:audit")
                .add("event", event)
                .build());
      } else {
        b.append(event.build());
      }
      b.append('\n');
    }
    return b.toString();
  }
}
