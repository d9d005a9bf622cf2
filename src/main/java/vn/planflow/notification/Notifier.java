package vn.planflow.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;

/**
 * E-mail notifications for processes: what a listener or delegate calls when something should
 * reach officials' inboxes (a task created, a reminder, an overdue escalation).
 *
 * <p>{@link #notify} only writes rows to the outbox, in the caller's transaction: if the process
 * step rolls back, nothing is sent; once it commits, the rows are handed to a background sender,
 * so an SMTP server that is slow or down never blocks or fails the step. The event key makes it
 * idempotent: a job retried after a failure, or a listener that runs again, finds the rows of
 * its earlier successful run and adds none.
 */
@Service
public class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final NotificationRepository notifications;
  private final NotificationSender sender;
  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final OfficialRepository officials;
  private final Clock clock;

  Notifier(NotificationRepository notifications, NotificationSender sender, IdentityService identityService,
      ProcessEngineConfigurationImpl engineConfiguration, OfficialRepository officials, Clock clock) {
    this.notifications = notifications;
    this.sender = sender;
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
    this.officials = officials;
    this.clock = clock;
  }

  /**
   * Queues one e-mail per user for this event, to be sent after the current transaction commits.
   * Users without an e-mail address are skipped, and so is every user who already has a row for
   * this event key.
   *
   * @param eventKey what happened, unique per event (e.g. {@code task-created:<taskId>})
   * @param userIds Camunda user ids (official ids)
   * @param subject the subject line, in Vietnamese
   * @param body the text; the sender adds the link and a closing line
   * @param link where the official acts on it (usually the task in Tasklist), or null
   */
  @Transactional
  public void notify(String eventKey, Collection<String> userIds, String subject, String body, String link) {
    Objects.requireNonNull(eventKey, "eventKey");
    Set<String> users = new TreeSet<>();
    userIds.stream().filter(Objects::nonNull).forEach(users::add);
    if (users.isEmpty()) {
      return;
    }
    Map<String, String> emails = emails(users);
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Long> queued = new ArrayList<>();
    for (String user : users) {
      String email = emails.get(user);
      if (email == null) {
        log.debug("No e-mail address for {}: {} is not sent to them", user, eventKey);
        continue;
      }
      // Checked first so that a repeat never reaches the unique constraint: a failed insert
      // would doom the caller's whole transaction (on PostgreSQL, every later statement too).
      if (notifications.existsByEventKeyAndRecipientUser(eventKey, user)) {
        continue;
      }
      queued.add(notifications.save(new Notification(eventKey, user, email, subject, body, link, now)).getId());
    }
    if (!queued.isEmpty()) {
      sendAfterCommit(queued);
    }
  }

  /**
   * The users who are members of any of these Camunda groups (candidate groups of a task, a
   * unit, a role in a unit), whatever the caller is allowed to read: who gets told must not
   * depend on who happened to complete the previous step.
   */
  public Set<String> membersOf(Collection<String> groupIds) {
    Set<String> members = new TreeSet<>();
    for (String groupId : new LinkedHashSet<>(groupIds)) {
      if (groupId == null || groupId.isBlank()) {
        continue;
      }
      withoutAuthorization(() -> identityService.createUserQuery().memberOfGroup(groupId).list())
          .forEach(user -> members.add(user.getId()));
    }
    return members;
  }

  private Map<String, String> emails(Set<String> users) {
    Map<String, String> emails = new HashMap<>();
    List<User> accounts = withoutAuthorization(
        () -> identityService.createUserQuery().userIdIn(users.toArray(String[]::new)).list());
    for (User account : accounts) {
      putIfPresent(emails, account.getId(), account.getEmail());
    }
    List<String> missing = users.stream().filter(user -> !emails.containsKey(user)).toList();
    if (!missing.isEmpty()) {
      for (Official official : officials.findAllById(missing)) {
        putIfPresent(emails, official.getId(), official.getEmail());
      }
    }
    return emails;
  }

  private static void putIfPresent(Map<String, String> emails, String user, String email) {
    if (email != null && !email.isBlank()) {
      emails.put(user, email.trim());
    }
  }

  /** Inside an engine command, nested calls reuse its context, so its checks are off for them. */
  private <T> T withoutAuthorization(Callable<T> query) {
    return engineConfiguration.getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(query));
  }

  private void sendAfterCommit(List<Long> ids) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      sender.dispatch(ids);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        sender.dispatch(ids);
      }
    });
  }
}
