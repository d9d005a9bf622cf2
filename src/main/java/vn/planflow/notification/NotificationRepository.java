package vn.planflow.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The outbox. Every change after the insert is a conditional update on the row's version, so
 * of several senders (threads or nodes) that read the same row, exactly one wins the claim.
 */
interface NotificationRepository extends JpaRepository<Notification, Long> {

  boolean existsByEventKeyAndRecipientUser(String eventKey, String recipientUser);

  List<Notification> findByEventKeyOrderByRecipientUserAsc(String eventKey);

  @Query("""
      select n.id from Notification n
      where n.status = vn.planflow.notification.NotificationStatus.PENDING and n.nextAttemptAt <= :now
      order by n.nextAttemptAt, n.id""")
  List<Long> findDue(OffsetDateTime now, Pageable page);

  /** Takes the row for one delivery: nobody else takes it before {@code leaseEnd}. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Notification n set n.version = n.version + 1, n.nextAttemptAt = :leaseEnd
      where n.id = :id and n.version = :version
        and n.status = vn.planflow.notification.NotificationStatus.PENDING""")
  int claim(Long id, long version, OffsetDateTime leaseEnd);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Notification n set n.version = n.version + 1, n.status = vn.planflow.notification.NotificationStatus.SENT,
        n.attempts = n.attempts + 1, n.sentAt = :now, n.lastError = null
      where n.id = :id and n.version = :version""")
  int markSent(Long id, long version, OffsetDateTime now);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Notification n set n.version = n.version + 1, n.status = :status,
        n.attempts = n.attempts + 1, n.nextAttemptAt = :nextAttemptAt, n.lastError = :error
      where n.id = :id and n.version = :version""")
  int markFailedAttempt(Long id, long version, NotificationStatus status, OffsetDateTime nextAttemptAt, String error);
}
