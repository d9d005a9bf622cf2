package vn.planflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * E-mail notifications through a real SMTP server (GreenMail) in this JVM: what arrives, when,
 * and how often. The only test class with mail configured, so the only one that pays for a
 * Spring context of its own; the retry sweep is called directly, never waited for.
 */
@PlanflowIntegrationTest
class NotificationMailTest {

  private static final int SMTP_PORT = freePort();
  private static final String KT_STAFF = "kt.chuyenvien";
  private static final String KT_STAFF_EMAIL = "kt.chuyenvien@planflow.example";
  private static final long WAIT_MILLIS = 10_000;

  private static GreenMail smtp;

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    // The sweep runs only when a test calls it.
    registry.add("planflow.mail.retry-interval", () -> "1h");
  }

  @Autowired Notifier notifier;
  @Autowired NotificationSender sender;
  @Autowired NotificationRepository notifications;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired PlanApprovalDriver driver;
  @Autowired IdentityService identityService;

  @BeforeEach
  void smtpRunning() throws Exception {
    if (smtp == null) {
      smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
    }
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  static void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
      smtp = null;
    }
  }

  @Test
  void arrivesAfterCommitInVietnameseWithTheLink() throws Exception {
    String event = event("commit");
    String link = "http://localhost:8080/camunda/app/tasklist/default/#/?task=abc";
    inTransaction(() -> {
      notifier.notify(event, List.of(KT_STAFF), "[planflow] Việc mới: Soạn dự thảo kế hoạch",
          "Kế hoạch thực hiện Chương trình hành động quốc gia về sản xuất và tiêu dùng bền vững — "
              + "Phường Yên Hòa, Đống Đa; ưu tiên đặc biệt.", link);
      assertThat(smtp.getReceivedMessages()).as("nothing goes out before the commit").isEmpty();
      return null;
    });

    assertThat(smtp.waitForIncomingEmail(WAIT_MILLIS, 1)).isTrue();
    MimeMessage message = smtp.getReceivedMessages()[0];
    assertThat(message.getSubject()).isEqualTo("[planflow] Việc mới: Soạn dự thảo kế hoạch");
    assertThat(message.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(KT_STAFF_EMAIL);
    assertThat(message.getFrom()[0].toString()).isEqualTo("planflow@localhost");
    assertThat(message.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat((String) message.getContent())
        .contains("tiêu dùng bền vững — Phường Yên Hòa, Đống Đa; ưu tiên đặc biệt.")
        .contains("Mở việc trong Tasklist: " + link);

    Notification row = awaitRow(event, n -> n.getStatus() == NotificationStatus.SENT);
    assertThat(row.getAttempts()).isEqualTo(1);
    assertThat(row.getSentAt()).isNotNull();
    assertThat(row.getRecipientEmail()).isEqualTo(KT_STAFF_EMAIL);
  }

  @Test
  void nothingIsSentWhenTheTransactionRollsBack() throws Exception {
    String event = event("rollback");
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      notifier.notify(event, List.of(KT_STAFF), "[planflow] Thử", "Không được gửi", null);
      status.setRollbackOnly();
    });

    assertThat(notifications.findByEventKeyOrderByRecipientUserAsc(event)).isEmpty();
    assertThat(sender.sendDue()).isZero();
    assertThat(smtp.waitForIncomingEmail(1_000, 1)).isFalse();
  }

  @Test
  void theSameEventTwiceIsSentOnce() throws Exception {
    String event = event("twice");
    // A job whose first run rolled back after queueing, then ran again (twice, as a retried
    // listener might), queues and sends one e-mail.
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      notifier.notify(event, List.of(KT_STAFF), "[planflow] Nhắc việc", "Lần 1", null);
      status.setRollbackOnly();
    });
    inTransaction(() -> {
      notifier.notify(event, List.of(KT_STAFF), "[planflow] Nhắc việc", "Lần 2", null);
      notifier.notify(event, List.of(KT_STAFF), "[planflow] Nhắc việc", "Lần 2, lặp lại", null);
      return null;
    });
    inTransaction(() -> {
      notifier.notify(event, List.of(KT_STAFF), "[planflow] Nhắc việc", "Lần 3", null);
      return null;
    });

    assertThat(smtp.waitForIncomingEmail(WAIT_MILLIS, 1)).isTrue();
    awaitRow(event, n -> n.getStatus() == NotificationStatus.SENT);
    assertThat(sender.sendDue()).isZero();
    assertThat(smtp.waitForIncomingEmail(1_000, 2)).isFalse();
    assertThat(notifications.findByEventKeyOrderByRecipientUserAsc(event)).hasSize(1);
    assertThat((String) smtp.getReceivedMessages()[0].getContent()).startsWith("Lần 2");
  }

  @Test
  void usersWithoutAnAddressAreSkipped() throws Exception {
    String event = event("no-address");
    User noAddress = identityService.newUser("test.no-email");
    identityService.saveUser(noAddress);
    try {
      inTransaction(() -> {
        notifier.notify(event, List.of(KT_STAFF, "test.no-email", "nobody.here"), "[planflow] Thử", "Nội dung", null);
        return null;
      });
    } finally {
      identityService.deleteUser("test.no-email");
    }

    assertThat(notifications.findByEventKeyOrderByRecipientUserAsc(event))
        .extracting(Notification::getRecipientUser).containsExactly(KT_STAFF);
    // Delivered before the next test looks at the mailbox.
    awaitRow(event, n -> n.getStatus() == NotificationStatus.SENT);
  }

  @Test
  void aMailServerThatIsDownDelaysTheMailButNotTheProcess() throws Exception {
    String event = event("down");
    smtp.stop();
    smtp = null;

    assertThatCode(() -> inTransaction(() -> {
      notifier.notify(event, List.of(KT_STAFF), "[planflow] Quá hạn: Báo cáo 6 tháng",
          "Đơn vị chưa gửi báo cáo.", null);
      return null;
    })).doesNotThrowAnyException();

    Notification failed = awaitRow(event, n -> n.getAttempts() == 1);
    assertThat(failed.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(failed.getLastError()).isNotBlank();
    assertThat(failed.getNextAttemptAt()).isAfter(OffsetDateTime.now().plusSeconds(30));

    smtpRunning();
    assertThat(sender.sendDue()).as("not due before its retry time").isZero();

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(sender.sendDue()).isZero();

    assertThat(smtp.waitForIncomingEmail(WAIT_MILLIS, 1)).isTrue();
    assertThat(smtp.waitForIncomingEmail(1_000, 2)).isFalse();
    assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("[planflow] Quá hạn: Báo cáo 6 tháng");
    Notification sent = notifications.findByEventKeyOrderByRecipientUserAsc(event).get(0);
    assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.getAttempts()).isEqualTo(2);
  }

  @Test
  void aNewPlanMailsTheLeadUnitsSpecialists() throws Exception {
    String code = "KH-MAIL-YH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    driver.createWardPlan(code);
    String taskId = driver.task(code, "draftPlan").getId();

    assertThat(smtp.waitForIncomingEmail(WAIT_MILLIS, 1)).isTrue();
    MimeMessage message = smtp.getReceivedMessages()[0];
    assertThat(message.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(KT_STAFF_EMAIL);
    assertThat(message.getSubject()).isEqualTo("[planflow] Việc mới: Soạn dự thảo kế hoạch");
    assertThat((String) message.getContent())
        .contains("Đơn vị của đồng chí có một việc mới")
        .contains("Việc: Soạn dự thảo kế hoạch")
        .contains("Kế hoạch: Kế hoạch thực hiện Chương trình hành động quốc gia về sản xuất và tiêu dùng bền vững năm 2026 (" + code + ")")
        .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task=" + taskId);
    assertThat(notifications.findByEventKeyOrderByRecipientUserAsc("task-created:" + taskId))
        .extracting(Notification::getRecipientUser).containsExactly(KT_STAFF);
    assertThat(smtp.waitForIncomingEmail(1_000, 2)).as("only the specialist, not the leaders").isFalse();
  }

  @Test
  void retriesBackOffExponentiallyUpToAnHour() {
    assertThat(List.of(1, 2, 3, 4, 6, 7, 10, 50).stream().map(NotificationSender::retryDelay).toList())
        .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
            Duration.ofMinutes(32), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
  }

  private <T> T inTransaction(Supplier<T> work) {
    return new TransactionTemplate(transactionManager).execute(status -> work.get());
  }

  private Notification awaitRow(String event, java.util.function.Predicate<Notification> condition)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (true) {
      List<Notification> rows = notifications.findByEventKeyOrderByRecipientUserAsc(event);
      if (rows.size() == 1 && condition.test(rows.get(0))) {
        return rows.get(0);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("notification " + event + " is " + rows.stream()
            .map(n -> n.getStatus() + "/" + n.getAttempts()).toList());
      }
      Thread.sleep(50);
    }
  }

  private static String event(String name) {
    return "test-" + name + ":" + UUID.randomUUID();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
