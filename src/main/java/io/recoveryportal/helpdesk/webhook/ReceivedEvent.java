package io.recoveryportal.helpdesk.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One authenticated webhook notification, stored as received (the raw body) once per natural key:
 * Incode retries a notification up to five times and may send it twice, and every copy has the same
 * key. {@code outcome} says what the portal made of it; until it is set the notification has not
 * been dealt with, and a retry tries again.
 */
@Entity
@Table(name = "incode_webhook_event")
public class ReceivedEvent {

  @Id
  @SequenceGenerator(
      name = "incode_webhook_event_seq",
      sequenceName = "incode_webhook_event_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incode_webhook_event_seq")
  private Long id;

  @Column(name = "natural_key", nullable = false, length = 64, updatable = false)
  private String naturalKey;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "event_type", length = 60, updatable = false)
  private String eventType;

  @Column(name = "interview_id", length = 128, updatable = false)
  private String interviewId;

  @Column(name = "event_time", updatable = false)
  private Instant eventTime;

  @Column(nullable = false, length = 16000, updatable = false)
  private String payload;

  @Column(name = "copies", nullable = false)
  private int copies;

  @Column(length = 30)
  private String outcome;

  @Column(name = "processed_at")
  private Instant processedAt;

  @Version private long version;

  protected ReceivedEvent() {
    // for JPA
  }

  public ReceivedEvent(SessionEvent e, Instant receivedAt) {
    this.naturalKey = e.naturalKey();
    this.receivedAt = receivedAt;
    this.eventType =
        e.event() == null || e.event().length() <= 60 ? e.event() : e.event().substring(0, 60);
    this.interviewId = e.interviewId();
    this.eventTime = e.timestamp();
    this.payload = e.body();
    this.copies = 1;
  }

  /**
   * Another copy of the same notification arrived (a retry or a duplicate): counted, nothing else.
   */
  void anotherCopy() {
    copies++;
  }

  void processed(String outcome, Instant now) {
    this.outcome = outcome;
    this.processedAt = now;
  }

  public boolean isProcessed() {
    return processedAt != null;
  }

  public Long getId() {
    return id;
  }

  public String getNaturalKey() {
    return naturalKey;
  }

  public String getEventType() {
    return eventType;
  }

  public String getInterviewId() {
    return interviewId;
  }

  public Instant getEventTime() {
    return eventTime;
  }

  public String getPayload() {
    return payload;
  }

  public int getCopies() {
    return copies;
  }

  public String getOutcome() {
    return outcome;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }
}
