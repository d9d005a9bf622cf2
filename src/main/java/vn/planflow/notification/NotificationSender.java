package vn.planflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox over SMTP, away from the process: rows queued by {@link Notifier} are
 * sent on a small thread pool right after their transaction commits, and a periodic sweep sends
 * whatever is still pending (a failed attempt, a node that stopped, a full queue).
 *
 * <p>Each delivery first claims its row with a conditional update that pushes
 * {@code next_attempt_at} to the end of a lease; only the sender whose update hit the row sends
 * it, so threads and nodes sharing the database never send one row twice, and a node that dies
 * mid-delivery only delays the row until the lease ends. A failure is recorded on the row with
 * a growing delay (1, 2, 4 … minutes, at most an hour) until the row is given up as FAILED.
 */
@Component
class NotificationSender implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

  /** Longer than any delivery can take with the SMTP timeouts of application.yml. */
  static final Duration LEASE = Duration.ofMinutes(5);

  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final Duration LONGEST_RETRY = Duration.ofHours(1);

  private static final int SWEEP_BATCH = 100;
  private static final int MAX_ERROR_LENGTH = 2000;

  private final NotificationRepository notifications;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final String from;
  private final int maxAttempts;
  private final ThreadPoolExecutor executor;
  private final AtomicBoolean toldNotConfigured = new AtomicBoolean();

  NotificationSender(NotificationRepository notifications, ObjectProvider<JavaMailSender> mailSender,
      PlatformTransactionManager transactionManager, Clock clock,
      @Value("${planflow.mail.from:planflow@localhost}") String from,
      @Value("${planflow.mail.max-attempts:10}") int maxAttempts) {
    this.notifications = notifications;
    this.mailSender = mailSender;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.from = from;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.executor = senderPool();
  }

  /**
   * Two threads at most and a bounded queue: mail must not compete with the engine for
   * threads, and what does not fit in the queue is simply left to the sweep.
   */
  private static ThreadPoolExecutor senderPool() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(1000), work -> {
          Thread thread = new Thread(work, "planflow-mail-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Sends these rows in the background; the caller's transaction has committed them. */
  void dispatch(Collection<Long> ids) {
    if (mailer() == null) {
      return;
    }
    List<Long> batch = List.copyOf(ids);
    try {
      executor.execute(() -> batch.forEach(this::deliverQuietly));
    } catch (RejectedExecutionException shuttingDown) {
      log.debug("Mail sender is shutting down; {} notification(s) left to the sweep", batch.size());
    }
  }

  /**
   * Sends every pending row whose time has come. Runs periodically on every node; tests call
   * it directly.
   *
   * @return how many rows this call delivered
   */
  @Scheduled(fixedDelayString = "${planflow.mail.retry-interval:30s}",
      initialDelayString = "${planflow.mail.retry-interval:30s}")
  int sendDue() {
    if (mailer() == null) {
      return 0;
    }
    int sent = 0;
    try {
      List<Long> due = notifications.findDue(now(), PageRequest.of(0, SWEEP_BATCH));
      for (Long id : due) {
        if (deliverQuietly(id)) {
          sent++;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Mail sweep stopped early, will try again: {}", e.toString());
    }
    return sent;
  }

  private boolean deliverQuietly(Long id) {
    try {
      return deliver(id);
    } catch (RuntimeException e) {
      log.warn("Notification {} could not be processed, will try again: {}", id, e.toString());
      return false;
    }
  }

  /** Claims, sends and records one row; true if this call delivered it. */
  boolean deliver(Long id) {
    JavaMailSender mail = mailer();
    if (mail == null) {
      return false;
    }
    Notification claimed = transaction.execute(status -> claim(id));
    if (claimed == null) {
      return false;
    }
    long version = claimed.getVersion() + 1;
    String error = send(mail, claimed);
    if (error == null) {
      transaction.executeWithoutResult(status -> notifications.markSent(id, version, now()));
      return true;
    }
    recordFailure(claimed, version, error);
    return false;
  }

  private Notification claim(Long id) {
    Notification row = notifications.findById(id).orElse(null);
    if (row == null || row.getStatus() != NotificationStatus.PENDING) {
      return null;
    }
    return notifications.claim(id, row.getVersion(), now().plus(LEASE)) == 1 ? row : null;
  }

  /** Null when the server accepted the message, otherwise what went wrong. */
  private String send(JavaMailSender mail, Notification notification) {
    try {
      mail.send(message(mail, notification));
      return null;
    } catch (MessagingException | RuntimeException e) {
      return describe(e);
    }
  }

  private MimeMessage message(JavaMailSender mail, Notification notification) throws MessagingException {
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(notification.getRecipientEmail());
    helper.setSubject(notification.getSubject());
    helper.setSentDate(Date.from(now().toInstant()));
    helper.setText(text(notification), false);
    return message;
  }

  static String text(Notification notification) {
    StringBuilder text = new StringBuilder(notification.getBody().stripTrailing()).append("\n\n");
    if (notification.getLink() != null) {
      text.append("Mở việc trong Tasklist: ").append(notification.getLink()).append("\n\n");
    }
    return text.append("--\nThư được gửi tự động từ planflow, xin đồng chí không trả lời thư này.\n").toString();
  }

  private void recordFailure(Notification notification, long version, String error) {
    int attempts = notification.getAttempts() + 1;
    boolean givingUp = attempts >= maxAttempts;
    OffsetDateTime next = now().plus(retryDelay(attempts));
    transaction.executeWithoutResult(status -> notifications.markFailedAttempt(notification.getId(), version,
        givingUp ? NotificationStatus.FAILED : NotificationStatus.PENDING, next, error));
    if (givingUp) {
      log.warn("E-mail {} to {} given up after {} attempts: {}", notification.getEventKey(),
          notification.getRecipientUser(), attempts, error);
    } else {
      log.info("E-mail {} to {} not sent (attempt {}), retrying at {}: {}", notification.getEventKey(),
          notification.getRecipientUser(), attempts, next, error);
    }
  }

  /** 1 minute after the first failure, doubling, never more than an hour. */
  static Duration retryDelay(int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 10);
    Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
    return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
  }

  private static String describe(Exception e) {
    StringBuilder text = new StringBuilder(e.toString());
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
      text.append(" <- ").append(cause);
    }
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
  }

  private JavaMailSender mailer() {
    JavaMailSender mail = mailSender.getIfAvailable();
    if (mail == null && toldNotConfigured.compareAndSet(false, true)) {
      log.info("E-mail is not configured (spring.mail.host is not set): notifications stay pending in the outbox");
    }
    return mail;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  @Override
  public void destroy() {
    executor.shutdown();
  }
}
