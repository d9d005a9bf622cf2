package vn.planflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.planflow.plan.PlanRequest.ReportingData;
import vn.planflow.plan.PlanRequest.TargetData;
import vn.planflow.plan.PlanRequest.TaskData;

/**
 * Drives {@code plan-approval} in tests as the officials would: each step is done by a named
 * demo official, inside the engine as that official, so authorizations and the completion
 * policy apply. Timers fire by moving the engine clock, never by sleeping.
 */
@Component
public class PlanApprovalDriver {

  @Autowired PlanService plans;
  @Autowired PlanRepository planRepository;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
  @Autowired java.time.Clock clock;

  /** A small plan of Yên Hòa ward (deemedAgreeOnTimeout on, 7 committee members). */
  public Plan createWardPlan(String code) {
    return create(code, "yh-ubnd", "yh-pkthtdt", "kt.chuyenvien", List.of(
        new TaskData("1", "Truyền thông", "Tuyên truyền về sản xuất và tiêu dùng bền vững tại phường",
            null, null, null, "yh-pkthtdt", List.of("yh-pvhxh"), "Ngân sách phường", "Năm 2026"),
        new TaskData("2", "Truyền thông", "Lồng ghép nội dung tiêu dùng bền vững trong trường học",
            null, null, null, "yh-pvhxh", List.of(), "Ngân sách phường", "Tháng 3 - 12/2026")));
  }

  /** A small plan of Hà Nội (deemedAgreeOnTimeout off, 15 committee members). */
  public Plan createCityPlan(String code) {
    return create(code, "hn-ubnd", "hn-sct", "sct.chuyenvien", List.of(
        new TaskData("1", "Truyền thông", "Tổ chức tuyên truyền, tập huấn về sản xuất sạch hơn",
            null, null, null, "hn-sct", List.of("hn-stttt"), "Ngân sách Thành phố", "Tháng 3 - 12/2026"),
        new TaskData("2", "Triển khai tại phường", "Triển khai Kế hoạch trên địa bàn phường Yên Hòa",
            null, null, null, "yh-ubnd", List.of(), "Ngân sách phường", "Năm 2026")));
  }

  /**
   * The Hà Nội city plan taken to its vote slips (one department consulted, the fifteen members of
   * the city committee voting, signer hn.pct1).
   */
  public void createCityPlanAtVoting(String code) {
    createCityPlan(code);
    complete(code, PlanApproval.DRAFT_PLAN, "sct.chuyenvien", Map.of("consultedUnits", List.of("hn-stnmt")));
    complete(code, PlanApproval.REVIEW_DRAFT, "sct.phogiamdoc", Map.of("approved", true));
    complete(code, PlanApproval.GIVE_OPINION, "stnmt.chuyenvien", Map.of("opinion", "AGREE"));
    complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "sct.chuyenvien", Map.of("reconsult", false));
    complete(code, PlanApproval.APPROVE_SUBMISSION, "sct.giamdoc", Map.of("approved", true));
    complete(code, PlanApproval.REVIEW_SUBMISSION, "hn.vanphong",
        Map.of("decision", "VOTE_SLIP", "signer", "hn.pct1"));
  }

  public Plan create(String code, String issuer, String leadUnit, String drafter, List<TaskData> tasks) {
    return create(code, issuer, leadUnit, drafter, tasks, java.time.LocalDate.of(2026, 1, 1),
        java.time.LocalDate.of(2026, 12, 31));
  }

  public Plan create(String code, String issuer, String leadUnit, String drafter, List<TaskData> tasks,
      java.time.LocalDate periodStart, java.time.LocalDate periodEnd) {
    return create(code, issuer, leadUnit, drafter, tasks, periodStart, periodEnd, null);
  }

  /** A plan under a parent plan (a child plan's reports are attached to the parent's periods). */
  public Plan create(String code, String issuer, String leadUnit, String drafter, List<TaskData> tasks,
      java.time.LocalDate periodStart, java.time.LocalDate periodEnd, String parentPlan) {
    PlanRequest request = new PlanRequest(code,
        "Kế hoạch thực hiện Chương trình hành động quốc gia về sản xuất và tiêu dùng bền vững năm 2026",
        issuer, leadUnit, periodStart, periodEnd,
        List.of("Quyết định số 889/QĐ-TTg ngày 24/6/2020 của Thủ tướng Chính phủ"),
        "Phát triển kinh tế tuần hoàn; thúc đẩy lối sống bền vững.",
        List.of(new TargetData("4.1", "Tổ chức tuyên truyền nâng cao nhận thức đạt 100%", "%",
            java.math.BigDecimal.valueOf(100))),
        List.of(new PlanRequest.SectionData("II. NỘI DUNG", "Đẩy mạnh truyền thông.")),
        "Ngân sách nhà nước và nguồn hợp pháp khác.", tasks,
        List.of("Sở Công Thương", "Lưu: VT"), new ReportingData(leadUnit, List.of("06-15", "12-15")), parentPlan);
    return as(drafter, () -> plans.create(request, drafter));
  }

  /**
   * Puts a plan in effect without running its approval (for tests of the reporting loop): the
   * plan is IN_EFFECT and its {@code reporting-cycle} starts, as {@code issuePlan} would do.
   */
  public void putInEffect(String code) {
    transactions.executeWithoutResult(status -> planRepository.findById(code).orElseThrow()
        .enter(vn.planflow.plan.PlanStatus.IN_EFFECT, java.time.OffsetDateTime.now(clock)));
    runtimeService.createMessageCorrelation(PlanApproval.PLAN_IN_EFFECT_MESSAGE)
        .processInstanceBusinessKey(code).setVariable(PlanApproval.PLAN_CODE, code).correlateStartMessage();
  }

  /** The one open task of this key in the plan's approval, as the engine sees it. */
  public Task task(String planCode, String taskKey) {
    List<Task> tasks = openTasks(planCode, taskKey);
    assertThat(tasks).as("open %s tasks of %s", taskKey, planCode).hasSize(1);
    return tasks.get(0);
  }

  /** The open task of a multi-instance step for one unit (or member): its local variable. */
  public Task taskOf(String planCode, String taskKey, String variable, String value) {
    return openTasks(planCode, taskKey).stream()
        .filter(t -> value.equals(taskService.getVariable(t.getId(), variable)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open " + taskKey + " for " + value));
  }

  public List<Task> openTasks(String planCode, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(planCode).taskDefinitionKey(taskKey).list();
  }

  /** The official claims (if unassigned) and completes the plan's one task of this key. */
  public void complete(String planCode, String taskKey, String official, Map<String, Object> variables) {
    completeTask(task(planCode, taskKey), official, variables);
  }

  public void completeTask(Task task, String official, Map<String, Object> variables) {
    as(official, () -> {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), official);
      }
      taskService.complete(task.getId(), variables);
      return null;
    });
    executeJobs();
  }

  /** Runs every job that is due now (async continuations, due timers), as the job executor would. */
  public void executeJobs() {
    for (int round = 0; round < 500; round++) {
      // One at a time: a job may remove others (an interrupting timer cancels its siblings).
      List<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      managementService.executeJob(due.get(0).getId());
    }
    throw new AssertionError("jobs keep coming");
  }

  public void moveClockBy(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(Instant.now(clock()).plus(duration)));
  }

  public void moveClockTo(Date when) {
    ClockUtil.setCurrentTime(when);
  }

  private static java.time.Clock clock() {
    return new vn.planflow.calendar.EngineClock();
  }

  public void resetClock() {
    ClockUtil.reset();
  }

  public Plan plan(String code) {
    return planRepository.findById(code).orElseThrow();
  }

  public <T> T as(String official, java.util.function.Supplier<T> work) {
    List<String> groups = identityService.createGroupQuery().groupMember(official).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(official, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
