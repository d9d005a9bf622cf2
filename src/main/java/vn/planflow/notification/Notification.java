package vn.planflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One e-mail to one official about one event, kept in the outbox table. It is written in the
 * transaction of the event and changed afterwards only by {@link NotificationSender}, through
 * conditional updates, so several nodes never deliver the same row at once.
 */
@Entity
@Table(name = "notification")
class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String eventKey;

  @Column(nullable = false)
  private String recipientUser;

  @Column(nullable = false)
  private String recipientEmail;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String body;

  private String link;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NotificationStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(nullable = false)
  private OffsetDateTime nextAttemptAt;

  private String lastError;

  @Column(nullable = false)
  private OffsetDateTime createdAt;

  private OffsetDateTime sentAt;

  /** Raised by every claim and every recorded outcome: the token a claim is checked against. */
  @Column(nullable = false)
  private long version;

  protected Notification() {}

  Notification(String eventKey, String recipientUser, String recipientEmail, String subject, String body,
      String link, OffsetDateTime now) {
    this.eventKey = eventKey;
    this.recipientUser = recipientUser;
    this.recipientEmail = recipientEmail;
    this.subject = subject;
    this.body = body;
    this.link = link;
    this.status = NotificationStatus.PENDING;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  Long getId() {
    return id;
  }

  String getEventKey() {
    return eventKey;
  }

  String getRecipientUser() {
    return recipientUser;
  }

  String getRecipientEmail() {
    return recipientEmail;
  }

  String getSubject() {
    return subject;
  }

  String getBody() {
    return body;
  }

  String getLink() {
    return link;
  }

  NotificationStatus getStatus() {
    return status;
  }

  int getAttempts() {
    return attempts;
  }

  OffsetDateTime getNextAttemptAt() {
    return nextAttemptAt;
  }

  String getLastError() {
    return lastError;
  }

  OffsetDateTime getSentAt() {
    return sentAt;
  }

  long getVersion() {
    return version;
  }
}
