package vn.planflow.notification;

/** Where an e-mail of the outbox stands. */
enum NotificationStatus {
  /** Not delivered yet: new, being delivered under a lease, or waiting for its next attempt. */
  PENDING,
  /** Accepted by the mail server. */
  SENT,
  /** Given up after the configured number of attempts; kept with its last error. */
  FAILED
}
