package vn.planflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * planflow killed with {@code kill -9} at random moments while a reporting period fans out to 200
 * units (one async job per unit) and while the clerk issues a plan (a number taken from the
 * outgoing register), {@code -Dplanflow.reliability.kills} times (default 10), then started again
 * on the same PostgreSQL. After each restart: every unit has exactly one {@code submitReport} task
 * per opened period and planflow's {@code unit_report} rows match them, nothing is left as an
 * incident, and the register's plan numbers run from 1 without a gap or a repeat, each issued
 * plan holding exactly one. Prints how long after the kill the fan-out resumed and finished.
 */
class ReportingFanOutCrashIT {

  private static final Logger LOG = LoggerFactory.getLogger(ReportingFanOutCrashIT.class);
  private static final String CODE = "KH-FANOUT-YH-2027";
  private static final int UNITS = 200;
  private static final String PENDING_JOBS = "select count(*) from act_ru_job where type_ = 'message'";

  @Test
  void everyUnitGetsOneTaskAndEveryNumberIsTakenOnceWhateverTheMomentOfTheCrash() throws Exception {
    int kills = Integer.getInteger("planflow.reliability.kills", 10);
    long seed = Long.getLong("planflow.reliability.seed", System.nanoTime());
    Random random = new Random(seed);
    LOG.info("crash test: {} kills, seed {} (-Dplanflow.reliability.seed to repeat)", kills, seed);
    Path work = Path.of("target", "reliability", "crash");
    try (TestDatabase db = new TestDatabase(work.resolve("pgdata"))) {
      PlanflowJvm app = new PlanflowJvm(db.jdbcUrl(), work);
      try {
        LOG.info("crash test: planflow up in {} s", app.start().toSeconds());
        WardPlans plans = new WardPlans(app);
        List<String> units = plans.importUnits("tdp", UNITS);
        plans.create(CODE, units);
        List<String> toIssue = new ArrayList<>();
        for (int i = 1; i <= kills; i++) {
          String code = String.format("KH-ISSUE-YH-2027-%02d", i);
          plans.create(code, List.of("yh-pvhxh"));
          toIssue.add(code);
        }
        List<String> all = new ArrayList<>(toIssue);
        all.add(0, CODE);
        plans.approve(all);
        assertThat(plans.issue(CODE).status()).isEqualTo(204);
        DatabaseRestartOutageIT.awaitCount(db, PENDING_JOBS, 0);

        // An undisturbed fan-out first: how long the opening and the 200 jobs take here.
        long began = System.currentTimeMillis();
        assertThat(openPeriod(plans, 0).status()).isEqualTo(201);
        long opening = System.currentTimeMillis() - began;
        DatabaseRestartOutageIT.awaitCount(db, PENDING_JOBS, 0);
        long fanOut = System.currentTimeMillis() - began;
        LOG.info("crash test figures: undisturbed fan-out to {} units: opening transaction {} ms (unit_report rows"
                + " and one job per unit), all tasks created after {} ms, ~{} ms per unit job", UNITS, opening, fanOut,
            (fanOut - opening) / UNITS);
        verifyReports(db, units);

        List<Long> resumedAfterKill = new ArrayList<>();
        for (int kill = 1; kill <= kills; kill++) {
          String plan = toIssue.get(kill - 1);
          // The moment: anywhere from the request that opens the period to the end of its fan-out.
          long killAfter = (long) (random.nextDouble() * (opening + fanOut));
          long issueAfter = Math.max(0, killAfter - random.nextInt(1500));
          long periodsBefore = periods(db);
          long start = System.currentTimeMillis();
          int attempt = kill;
          CompletableFuture<Integer> opened = CompletableFuture.supplyAsync(() -> status(() -> openPeriod(plans, attempt)));
          CompletableFuture<Integer> issued = CompletableFuture.supplyAsync(() -> {
            sleepUntil(start + issueAfter);
            return status(() -> plans.issue(plan));
          });
          sleepUntil(start + killAfter);
          app.kill();
          long killedAt = System.currentTimeMillis();
          long pending = db.count(PENDING_JOBS);
          List<String> locked = db.rows("select id_ from act_ru_job where type_ = 'message' and lock_exp_time_ is not null")
              .stream().map(row -> (String) row.get("id_")).toList();
          int openedStatus = opened.get(60, TimeUnit.SECONDS);
          int issuedStatus = issued.get(60, TimeUnit.SECONDS);

          long up = app.start().toMillis();
          // Resumed: the jobs the dead node held are done (their lock ran out and a node took them).
          long lockedDone = -1;
          while (lockedDone < 0 && System.currentTimeMillis() - killedAt < 600_000) {
            if (locked.isEmpty() || db.count("select count(*) from act_ru_job where id_ in ('"
                + String.join("','", locked) + "')") == 0) {
              lockedDone = System.currentTimeMillis() - killedAt;
            } else {
              Thread.sleep(250);
            }
          }
          DatabaseRestartOutageIT.awaitCount(db, PENDING_JOBS, 0);
          long finished = System.currentTimeMillis() - killedAt;
          resumedAfterKill.add(lockedDone);
          // The period is opened whole or not at all, and certainly when the request was answered 201.
          assertThat(periods(db) - periodsBefore).as("periods opened").isBetween(openedStatus == 201 ? 1L : 0L, 1L);
          if (issuedStatus == 204) {
            assertThat(status(db, plan)).as(plan + " acknowledged as issued").isEqualTo("IN_EFFECT");
          }
          verifyReports(db, units);
          verifyRegister(db);
          String issuedBeforeCrash = status(db, plan);
          if (!"IN_EFFECT".equals(issuedBeforeCrash)) {
            assertThat(plans.issue(plan).status()).isEqualTo(204);
            verifyRegister(db);
          }
          LOG.info("crash test figures: kill {}/{} {} ms into the fan-out (opening answered {}, issuance answered {},"
                  + " plan {} after the crash); {} unit jobs pending at the kill, {} of them locked by the dead node;"
                  + " restarted in {} s; the dead node's jobs done {} s after the kill; fan-out finished {} s after"
                  + " the kill", kill, kills, killAfter, openedStatus, issuedStatus, issuedBeforeCrash, pending,
              locked.size(), up / 1000, lockedDone / 1000, finished / 1000);
          assertThat(lockedDone).as("the dead node's jobs resumed").isNotNegative();
        }
        long numbers = db.count("select count(*) from register_entry where issuer_code = 'yh-ubnd' and doc_type = 'KH'");
        LOG.info("crash test figures: {} kills survived; {} periods of {} units, each unit one task per period;"
                + " plan numbers 1..{} without gap or repeat; the dead node's jobs were done {} s after a kill at most"
                + " (mean {} s)",
            kills, periods(db), UNITS, numbers,
            resumedAfterKill.stream().mapToLong(Long::longValue).max().orElse(0) / 1000,
            (long) resumedAfterKill.stream().mapToLong(Long::longValue).average().orElse(0) / 1000);
        assertThat(numbers).isEqualTo(kills + 1L);
      } finally {
        app.stop();
      }
    }
  }

  private static Official.Response openPeriod(WardPlans plans, int n) throws Exception {
    return plans.openAdHoc(CODE, "Báo cáo nhanh số " + n);
  }

  private static long periods(TestDatabase db) throws Exception {
    return db.count("select count(*) from plan_reporting_period where plan_code = ? and period_id like 'ADHOC-%'", CODE);
  }

  private static String status(TestDatabase db, String plan) throws Exception {
    return (String) db.rows("select status from plan where code = ?", plan).get(0).get("status");
  }

  /**
   * Each unit: as many {@code submitReport} tasks as ad-hoc periods opened, and as many
   * {@code unit_report} rows; no incident and no failed job.
   */
  private static void verifyReports(TestDatabase db, List<String> units) throws Exception {
    long periods = periods(db);
    var tasks = db.rows("select v.text_ as unit, count(*) as n from act_ru_task t join act_ru_variable v"
        + " on v.execution_id_ = t.execution_id_ and v.name_ = 'unit' join act_ru_execution e"
        + " on e.id_ = t.proc_inst_id_ where t.task_def_key_ = 'submitReport' and e.business_key_ = ?"
        + " group by v.text_", CODE);
    var reports = db.rows("select r.unit_code as unit, count(*) as n from unit_report r join plan_reporting_period p"
        + " on p.id = r.period_ref where p.plan_code = ? and p.period_id like 'ADHOC-%' group by r.unit_code", CODE);
    assertThat(tasks).as("units with submitReport tasks").hasSize(units.size());
    assertThat(tasks).allSatisfy(row -> assertThat(((Number) row.get("n")).longValue())
        .as("submitReport tasks of " + row.get("unit")).isEqualTo(periods));
    assertThat(reports).as("units with unit reports").hasSize(units.size());
    assertThat(reports).allSatisfy(row -> assertThat(((Number) row.get("n")).longValue())
        .as("unit_report rows of " + row.get("unit")).isEqualTo(periods));
    assertThat(db.count("select count(*) from act_ru_incident")).as("incidents").isZero();
    assertThat(db.count("select count(*) from act_ru_job where exception_msg_ is not null")).as("failed jobs").isZero();
  }

  /** Plan numbers of the ward's register: 1..n, each once, each on one plan in effect. */
  private static void verifyRegister(TestDatabase db) throws Exception {
    var numbers = db.rows("select number, plan_code from register_entry where issuer_code = 'yh-ubnd'"
        + " and doc_type = 'KH' order by number");
    for (int i = 0; i < numbers.size(); i++) {
      assertThat(((Number) numbers.get(i).get("number")).intValue()).as("register numbers " + numbers).isEqualTo(i + 1);
    }
    assertThat(numbers.stream().map(row -> row.get("plan_code")).distinct().count())
        .as("one number per plan").isEqualTo(numbers.size());
    assertThat(db.count("select count(*) from plan where issuer_code = 'yh-ubnd' and status = 'IN_EFFECT'"))
        .as("plans in effect, each numbered").isEqualTo(numbers.size());
    assertThat(db.count("select count(*) from plan p where issuer_code = 'yh-ubnd' and status = 'IN_EFFECT' and"
        + " number is not null and exists (select 1 from register_entry r where r.plan_code = p.code and r.doc_type = 'KH')"))
        .isEqualTo(numbers.size());
  }

  interface Call {
    Official.Response call() throws Exception;
  }

  /** The HTTP status, or -1 when the JVM died under the request. */
  private static int status(Call call) {
    try {
      return call.call().status();
    } catch (Exception e) {
      return -1;
    }
  }

  private static void sleepUntil(long millis) {
    try {
      Thread.sleep(Math.max(0, millis - System.currentTimeMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
