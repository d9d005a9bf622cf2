package vn.planflow.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.planflow.calendar.WorkingDayCalendar;
import vn.planflow.notification.Notifier;
import vn.planflow.notification.TaskNotifications;
import vn.planflow.org.OrgGroups;
import vn.planflow.org.UnitRole;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.ProcessValues;

/**
 * Consultation of the departments (lấy ý kiến): opens a round with a deadline in working days,
 * records each unit's opinion, reminds by e-mail and on the task, closes the silent ones as {@code NO_RESPONSE}
 * (agreement), and keeps the lead unit's handling of each comment (tiếp thu, giải trình).
 * Called from {@code plan-approval} as {@code ${consultation...}}.
 */
@Component("consultation")
public class ConsultationProcess {

  private static final Logger log = LoggerFactory.getLogger(ConsultationProcess.class);

  private final PlanRepository plans;
  private final ConsultationOpinionRepository opinions;
  private final OrgUnitRepository units;
  private final WorkingDayCalendar calendar;
  private final TaskService taskService;
  private final vn.planflow.system.EngineUser engineUser;
  private final Clock clock;
  private final Notifier notifier;
  private final TaskNotifications taskNotifications;

  ConsultationProcess(PlanRepository plans, ConsultationOpinionRepository opinions, OrgUnitRepository units,
      WorkingDayCalendar calendar, TaskService taskService, vn.planflow.system.EngineUser engineUser, Clock clock,
      Notifier notifier, TaskNotifications taskNotifications) {
    this.notifier = notifier;
    this.taskNotifications = taskNotifications;
    this.plans = plans;
    this.opinions = opinions;
    this.units = units;
    this.calendar = calendar;
    this.taskService = taskService;
    this.engineUser = engineUser;
    this.clock = clock;
  }

  /** Opens a round for the units chosen in the draft (or the synthesis), with its deadline. */
  public void open(DelegateExecution execution) {
    Plan plan = plan(execution);
    List<String> consulted = ProcessValues.strings(execution.getVariable(PlanApproval.CONSULTED_UNITS));
    if (consulted == null || consulted.isEmpty()) {
      throw new IllegalStateException("consultedUnits is empty for plan " + plan.getCode());
    }
    // Kept as a JSON value however the list came in (a Java list from /api/tasks or the engine's
    // API is stored as an Object variable): Tasklist sends a variable back with the type it read,
    // and the completion check refuses Object values, so the synthesis form could not consult again.
    execution.setVariable(PlanApproval.CONSULTED_UNITS, org.camunda.spin.plugin.variable.SpinValues
        .jsonValue(org.camunda.spin.Spin.JSON(consulted)).create());
    OrgUnit issuer = units.findById(plan.getIssuer()).orElseThrow();
    Integer days = ProcessValues.integer(execution.getVariable(PlanApproval.CONSULTATION_DAYS));
    int workingDays = days != null && days > 0 ? days : issuer.consultationDays();
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime deadline = calendar.deadline(now, workingDays);
    int round = plan.startConsultationRound(now);
    for (String unit : new java.util.LinkedHashSet<>(consulted)) {
      opinions.save(new ConsultationOpinion(plan.getCode(), round, unit, deadline));
    }
    execution.setVariable(PlanApproval.CONSULTATION_DEADLINE, Date.from(deadline.toInstant()));
    execution.setVariable(PlanApproval.CONSULTATION_REMINDER,
        Date.from(calendar.reminderBefore(deadline, now).toInstant()));
  }

  /** The units of the open round: the collection of the multi-instance {@code giveOpinion}. */
  public List<String> units(DelegateExecution execution) {
    Plan plan = plan(execution);
    return opinions.findByPlanCodeAndRoundOrderByIdAsc(plan.getCode(), plan.getConsultationRound()).stream()
        .map(ConsultationOpinion::getUnitCode)
        .toList();
  }

  /** Complete listener of {@code giveOpinion}. */
  public void recordOpinion(DelegateTask task) {
    Plan plan = plans.findById(task.getExecution().getProcessBusinessKey()).orElseThrow();
    String unit = (String) task.getVariable(PlanApproval.UNIT);
    ConsultationOpinion opinion = opinions
        .findByPlanCodeAndRoundAndUnitCode(plan.getCode(), plan.getConsultationRound(), unit)
        .orElseThrow();
    String user = engineUser.completing(task);
    opinion.answer(Opinion.valueOf(ProcessValues.text(task.getVariable(PlanApproval.OPINION))),
        ProcessValues.text(task.getVariable(PlanApproval.COMMENT)), user, OffsetDateTime.now(clock));
  }

  /** Before the deadline: each unit that has not answered gets a reminder on its task. */
  public void remind(DelegateExecution execution) {
    Date deadline = (Date) execution.getVariable(PlanApproval.CONSULTATION_DEADLINE);
    List<Task> open = taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(PlanApproval.GIVE_OPINION)
        .list();
    for (Task task : open) {
      String reminder = "Nhắc việc: hạn cho ý kiến là " + vn.planflow.calendar.VietnameseDates.dateTime(deadline)
          + "; quá hạn không trả lời được coi là đồng ý.";
      taskService.createComment(task.getId(), task.getProcessInstanceId(), reminder);
      String unit = (String) taskService.getVariable(task.getId(), PlanApproval.UNIT);
      notifier.notify("consultation-reminder:" + task.getId(),
          notifier.membersOf(List.of(OrgGroups.role(unit, UnitRole.STAFF), OrgGroups.role(unit, UnitRole.LEADER))),
          "[planflow] Nhắc cho ý kiến dự thảo kế hoạch " + execution.getProcessBusinessKey(),
          "Đơn vị chưa cho ý kiến về dự thảo kế hoạch " + execution.getProcessBusinessKey() + ". " + reminder,
          taskNotifications.link(task.getId()));
    }
    log.info("Consultation reminder for plan {}: {} units have not answered",
        execution.getProcessBusinessKey(), open.size());
  }

  /** When the round ends (all answered, or the deadline): silence is recorded as agreement. */
  public void close(DelegateExecution execution) {
    Plan plan = plan(execution);
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (ConsultationOpinion opinion :
        opinions.findByPlanCodeAndRoundOrderByIdAsc(plan.getCode(), plan.getConsultationRound())) {
      if (!opinion.isAnswered()) {
        opinion.answer(Opinion.NO_RESPONSE, null, null, now);
      }
    }
  }

  /** The table of the round's opinions that the synthesis form shows and edits. */
  public List<Map<String, Object>> opinionTable(String planCode) {
    Plan plan = plans.findById(planCode).orElseThrow();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ConsultationOpinion opinion :
        opinions.findByPlanCodeAndRoundOrderByIdAsc(planCode, plan.getConsultationRound())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", opinion.getId());
      row.put("unit", opinion.getUnitCode());
      row.put("unitName", units.findById(opinion.getUnitCode()).map(OrgUnit::getName).orElse(opinion.getUnitCode()));
      row.put("opinion", opinion.getOpinion() == null ? null : opinion.getOpinion().name());
      row.put("opinionLabel", opinion.getOpinion() == null ? "" : opinion.getOpinion().label());
      row.put("comment", opinion.getComment() == null ? "" : opinion.getComment());
      row.put("accepted", opinion.getAccepted() == null || opinion.getAccepted());
      row.put("explanation", opinion.getExplanation() == null ? "" : opinion.getExplanation());
      rows.add(row);
    }
    return rows;
  }

  /** Complete listener of {@code synthesizeOpinions}: keeps tiếp thu / giải trình per comment. */
  public void recordSynthesis(DelegateTask task) {
    JsonNode table = ProcessValues.json(ProcessValues.submitted(task, "opinions"));
    if (table == null || !table.isArray()) {
      return;
    }
    String planCode = task.getExecution().getProcessBusinessKey();
    for (JsonNode row : table) {
      if (!row.hasNonNull("id")) {
        continue;
      }
      opinions.findById(row.get("id").asLong())
          .filter(o -> o.getPlanCode().equals(planCode))
          .ifPresent(o -> o.handle(
              row.hasNonNull("accepted") ? row.get("accepted").asBoolean() : null,
              row.hasNonNull("explanation") ? row.get("explanation").asText() : null));
    }
  }

  private Plan plan(DelegateExecution execution) {
    return plans.findById(execution.getProcessBusinessKey()).orElseThrow();
  }
}
