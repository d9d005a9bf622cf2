package vn.planflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL stopped for 30 s (same data directory, same port) under a running planflow while four
 * officials keep completing their {@code submitReport} tasks through Camunda REST and a load
 * balancer polls {@code /actuator/health}: health says DOWN within 5 s and every request fails
 * with 503, never 500 and never hanging; planflow recovers on its own once the database is back;
 * every completion that was answered 2xx is in the database; timers that fell due during the outage
 * fire exactly once.
 */
class DatabaseRestartOutageIT {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseRestartOutageIT.class);
  private static final String CODE = "KH-OUTAGE-YH-2027";
  private static final int PERIODS = 20;
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final Map<String, String> STAFF = Map.of(
      "yh-pkthtdt", "kt.chuyenvien", "yh-pvhxh", "vhxh.chuyenvien",
      "yh-htx-yenhoa", "htx-yenhoa.nhanvien", "yh-htx-trunghoa", "htx-trunghoa.nhanvien");
  private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  record Answer(long atMillis, String who, int status, long millis) {}

  @Test
  void officialsWorkThroughADatabaseRestart() throws Exception {
    Path work = Path.of("target", "reliability", "outage");
    try (TestDatabase db = new TestDatabase(work.resolve("pgdata"))) {
      PlanflowJvm app = new PlanflowJvm(db.jdbcUrl(), work);
      try {
        app.start();
        WardPlans plans = new WardPlans(app);
        plans.create(CODE, List.copyOf(new java.util.TreeSet<>(STAFF.keySet())));
        plans.approve(List.of(CODE));
        assertThat(plans.issue(CODE).status()).isEqualTo(204);
        for (int i = 1; i <= PERIODS; i++) {
          var period = plans.openAdHoc(CODE, "Báo cáo đột xuất số " + i);
          assertThat(period.status()).as(period.body()).isEqualTo(201);
        }
        awaitCount(db, "select count(*) from act_ru_task where task_def_key_ = 'submitReport'", PERIODS * 4L);

        // Three reminder timers fall due during the outage, as an administrator can set in Cockpit:
        // those of the newest periods, which the officials (oldest task first) reach last.
        List<String> timers = db.rows("select id_ from act_ru_job where type_ = 'timer'"
            + " and handler_cfg_ like '%BoundaryEvent_FirstReminder%' order by create_time_ desc limit 3").stream()
            .map(row -> (String) row.get("id_")).toList();
        assertThat(timers).hasSize(3);
        long outageBegins = System.currentTimeMillis() + 5_000;
        for (int i = 0; i < timers.size(); i++) {
          String due = OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusSeconds(12 + 8L * i).format(CAMUNDA_DATE);
          var changed = plans.as("admin").send("PUT", "/engine-rest/job/" + timers.get(i) + "/duedate",
              Official.JSON.writeValueAsString(Map.of("duedate", due)));
          assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        }

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Answer> health = new ConcurrentLinkedQueue<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (String official : STAFF.values()) {
          threads.add(started("official-" + official,
              () -> completeInALoop(plans.as(official), answers, acknowledged, running)));
        }
        threads.add(started("load-balancer", () -> pollHealth(app, health, running)));

        Thread.sleep(Math.max(0, outageBegins - System.currentTimeMillis()));
        long stoppedAt = System.currentTimeMillis();
        db.stop();
        // pg_ctl's fast shutdown takes a moment: a request begun in it may still be answered from the database.
        long downAt = System.currentTimeMillis();
        LOG.info("outage: PostgreSQL stopped ({} ms after the stop began)", downAt - stoppedAt);
        Thread.sleep(OUTAGE.toMillis());
        db.start();
        long restartedAt = System.currentTimeMillis();
        LOG.info("outage: PostgreSQL started again after {} s", (restartedAt - stoppedAt) / 1000);

        long until = restartedAt + 120_000;
        while (System.currentTimeMillis() < until && !recovered(answers, health, restartedAt)) {
          Thread.sleep(200);
        }
        Thread.sleep(3_000);
        running.set(false);
        for (Thread thread : threads) {
          thread.join(90_000);
        }

        // Health: DOWN within 5 s of the stop, and no probe waited longer than 5 s for its answer.
        long firstDown = health.stream().filter(a -> a.atMillis() + a.millis() >= stoppedAt && a.status() != 200)
            .mapToLong(a -> a.atMillis() + a.millis() - stoppedAt).min().orElse(Long.MAX_VALUE);
        List<Answer> probesDuringOutage = health.stream()
            .filter(a -> a.atMillis() >= stoppedAt && a.atMillis() <= restartedAt).toList();
        long slowestProbe = probesDuringOutage.stream().mapToLong(Answer::millis).max().orElse(0);
        long upAgain = health.stream().filter(a -> a.atMillis() >= restartedAt && a.status() == 200)
            .mapToLong(a -> a.atMillis() + a.millis() - restartedAt).min().orElse(Long.MAX_VALUE);
        // Requests: during the outage only 503, answered quickly; afterwards completions succeed again.
        List<Answer> duringOutage = answers.stream()
            .filter(a -> a.atMillis() >= downAt && a.atMillis() + a.millis() <= restartedAt).toList();
        Map<Integer, Long> statuses = new java.util.TreeMap<>(duringOutage.stream().collect(
            java.util.stream.Collectors.groupingBy(Answer::status, java.util.stream.Collectors.counting())));
        long slowestRequest = duringOutage.stream().mapToLong(Answer::millis).max().orElse(0);
        long firstCompletionAfter = answers.stream()
            .filter(a -> a.atMillis() >= restartedAt && a.who().startsWith("complete") && a.status() == 204)
            .mapToLong(a -> a.atMillis() + a.millis() - restartedAt).min().orElse(Long.MAX_VALUE);
        LOG.info("outage figures: health DOWN {} ms after the stop; slowest health answer during the outage {} ms"
                + " ({} probes); health UP {} ms after the restart; requests during the outage by status {}"
                + " (slowest {} ms); first completion {} ms after the restart; {} completions acknowledged",
            firstDown, slowestProbe, probesDuringOutage.size(), upAgain, statuses, slowestRequest,
            firstCompletionAfter, acknowledged.size());

        assertThat(firstDown).as("health DOWN after the stop (ms)").isLessThanOrEqualTo(5_000);
        assertThat(slowestProbe).as("slowest health answer during the outage (ms)").isLessThanOrEqualTo(5_000);
        assertThat(statuses.keySet()).as("statuses during the outage").containsOnly(503);
        assertThat(upAgain).as("health UP after the restart (ms)").isLessThan(60_000);
        assertThat(firstCompletionAfter).as("first completion after the restart (ms)").isLessThan(60_000);

        // Every acknowledged completion is in the database.
        for (String taskId : acknowledged) {
          assertThat(db.count("select count(*) from act_ru_task where id_ = ?", taskId)).as(taskId).isZero();
          assertThat(db.count("select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null"
              + " and delete_reason_ = 'completed'", taskId)).as(taskId).isOne();
        }
        assertThat(db.count("select count(*) from unit_report r join plan_reporting_period p on p.id = r.period_ref"
            + " where p.plan_code = ? and r.status in ('SUBMITTED', 'LATE')", CODE))
            .isEqualTo(acknowledged.size());

        // The timers due during the outage fire, each once.
        awaitCount(db, "select count(*) from act_ru_job where id_ in ('" + String.join("','", timers) + "')", 0);
        for (String timer : timers) {
          assertThat(db.count("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2", timer))
              .as("successful runs of timer " + timer).isOne();
        }
        assertThat(db.count("select count(*) from act_ru_incident")).as("incidents").isZero();
        LOG.info("outage figures: {} timers due during the outage fired once each; {} acknowledged completions all"
            + " stored", timers.size(), acknowledged.size());
      } finally {
        app.stop();
      }
    }
  }

  private static Thread started(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.start();
    return thread;
  }

  private static boolean recovered(ConcurrentLinkedQueue<Answer> answers, ConcurrentLinkedQueue<Answer> health,
      long since) {
    return health.stream().anyMatch(a -> a.atMillis() >= since && a.status() == 200)
        && answers.stream().anyMatch(a -> a.atMillis() >= since && a.who().startsWith("complete") && a.status() == 204);
  }

  /** An official completing one open report after another, as fast as the server answers. */
  private static void completeInALoop(Official official, ConcurrentLinkedQueue<Answer> answers, Set<String> acknowledged,
      AtomicBoolean running) {
    while (running.get()) {
      long began = System.currentTimeMillis();
      try {
        var listed = official.get("/engine-rest/task?processInstanceBusinessKey=" + CODE
            + "&taskDefinitionKey=submitReport&sortBy=created&sortOrder=asc&maxResults=1");
        answers.add(new Answer(began, "list " + official.user, listed.status(), System.currentTimeMillis() - began));
        if (listed.status() != 200) {
          Thread.sleep(200);
          continue;
        }
        JsonNode tasks = listed.json();
        if (tasks.isEmpty()) {
          Thread.sleep(500);
          continue;
        }
        String id = tasks.get(0).get("id").asText();
        long completing = System.currentTimeMillis();
        var completed = official.complete(id, Map.of("summary", "Báo cáo của " + official.user));
        answers.add(new Answer(completing, "complete " + official.user, completed.status(),
            System.currentTimeMillis() - completing));
        if (completed.status() == 204) {
          acknowledged.add(id);
        }
        // An official takes a moment between two reports; the outage must see requests, not a storm.
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        answers.add(new Answer(began, "error " + official.user + " " + e, -1, System.currentTimeMillis() - began));
      }
    }
  }

  private static void pollHealth(PlanflowJvm app, ConcurrentLinkedQueue<Answer> health, AtomicBoolean running) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (running.get()) {
      long began = System.currentTimeMillis();
      int status;
      try {
        status = client.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (Exception e) {
        status = -1;
      }
      health.add(new Answer(began, "health", status, System.currentTimeMillis() - began));
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static void awaitCount(TestDatabase db, String sql, long expected) throws Exception {
    // 3 minutes: a 200-unit fan-out's jobs take ~0.12-0.17 s each here, and a kill's recovery
    // (restart, the dead node's locks running out, the rest of the jobs) ~75 s at most (2026-12-07).
    long until = System.currentTimeMillis() + 180_000;
    long count = -1;
    while (System.currentTimeMillis() < until) {
      count = db.count(sql);
      if (count == expected) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(sql + ": " + count + ", expected " + expected);
  }
}
