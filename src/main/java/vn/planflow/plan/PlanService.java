package vn.planflow.plan;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.UnitRole;
import vn.planflow.plan.PlanRequest.TaskData;
import vn.planflow.system.ConflictException;
import vn.planflow.system.FieldProblem;
import vn.planflow.system.InvalidRequestException;
import vn.planflow.system.NotFoundException;

/**
 * Creating plans and changing their appendix. A plan is created together with its
 * {@code plan-approval} instance (business key = plan code), in one transaction.
 */
@Service
public class PlanService {

  private final PlanRepository plans;
  private final OfficialRepository officials;
  private final UnitDirectory units;
  private final RuntimeService runtimeService;
  private final Clock clock;

  PlanService(
      PlanRepository plans,
      OfficialRepository officials,
      UnitDirectory units,
      RuntimeService runtimeService,
      Clock clock) {
    this.plans = plans;
    this.officials = officials;
    this.units = units;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** Creates the plan and starts its approval, as the calling official. */
  @Transactional
  public Plan create(PlanRequest request, String caller) {
    List<FieldProblem> problems = new PlanValidator(units).validate(request);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    requireDrafter(caller, request.leadUnit());
    if (plans.existsById(request.code())) {
      throw new ConflictException("Mã kế hoạch '" + request.code() + "' đã có");
    }
    if (request.parentPlan() != null && !plans.existsById(request.parentPlan())) {
      throw new InvalidRequestException("parentPlan", "kế hoạch cấp trên '" + request.parentPlan() + "' không tồn tại");
    }
    Plan plan = newPlan(request, caller);
    ProcessInstance instance = runtimeService
        .createProcessInstanceByKey(PlanApproval.PROCESS)
        .businessKey(plan.getCode())
        .setVariables(Map.of(
            PlanApproval.PLAN_CODE, plan.getCode(),
            PlanApproval.ISSUER, plan.getIssuer(),
            PlanApproval.LEAD_UNIT, plan.getLeadUnit()))
        .execute();
    plan.attachProcess(instance.getId());
    return plan;
  }

  /** The plan as the request describes it, stored but without a process. */
  Plan newPlan(PlanRequest request, String caller) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Plan plan = new Plan(request.code(), caller, now);
    plan.describe(
        request.title().trim(),
        request.issuer(),
        request.leadUnit(),
        request.periodStart(),
        request.periodEnd(),
        PlanRequest.orEmpty(request.legalBases()),
        request.objectives(),
        PlanRequest.orEmpty(request.targets()).stream()
            .map(t -> new PlanTarget(t.code().trim(), t.text(), t.unit(), t.value()))
            .toList(),
        PlanRequest.orEmpty(request.sections()).stream()
            .map(s -> new PlanSection(s.heading(), s.body()))
            .toList(),
        request.budget(),
        PlanRequest.orEmpty(request.recipients()),
        request.reporting() == null || request.reporting().reportTo() == null
            ? request.leadUnit()
            : request.reporting().reportTo(),
        request.reporting() == null || request.reporting().deadlines() == null
            ? List.of("06-15", "12-15")
            : request.reporting().deadlines(),
        request.parentPlan());
    plan.replaceTasks(toTasks(PlanRequest.orEmpty(request.tasks()), request.issuer(), request.periodStart(),
        request.periodEnd()), now);
    return plans.save(plan);
  }

  /** Replaces the appendix; only while the plan is being drafted, by its drafters. */
  @Transactional
  public Plan replaceTasks(String code, List<TaskData> tasks, String caller) {
    Plan plan = plans.findForUpdate(code).orElseThrow(() -> notFound(code));
    requireDrafter(caller, plan.getLeadUnit());
    if (plan.getStatus() != PlanStatus.DRAFTING) {
      throw new ConflictException("Kế hoạch '" + code + "' đang ở bước '" + plan.getStatus().label()
          + "': chỉ sửa phụ lục khi đang soạn thảo");
    }
    PlanValidator validator = new PlanValidator(units);
    validator.checkTasks("tasks", tasks, plan.getIssuer());
    if (!validator.problems().isEmpty()) {
      throw new InvalidRequestException(validator.problems());
    }
    List<PlanTask> replacement = toTasks(tasks, plan.getIssuer(), plan.getPeriodStart(), plan.getPeriodEnd());
    // Hibernate inserts before it removes orphans: remove the old rows first, or a task number
    // kept by the new appendix would collide with its old row.
    plan.replaceTasks(List.of(), OffsetDateTime.now(clock));
    plans.flush();
    plan.replaceTasks(replacement, OffsetDateTime.now(clock));
    plan.changedBy(caller);
    return plan;
  }

  @Transactional(readOnly = true)
  public Plan get(String code) {
    return plans.findById(code).orElseThrow(() -> notFound(code));
  }

  static NotFoundException notFound(String code) {
    return new NotFoundException("Không có kế hoạch '" + code + "'");
  }

  /** STAFF or LEADER of the lead unit (CONTRACT §3). */
  void requireDrafter(String caller, String leadUnit) {
    Official official = officials.findById(caller).orElse(null);
    if (official == null
        || !official.getUnitCode().equals(leadUnit)
        || !(official.hasRole(UnitRole.STAFF) || official.hasRole(UnitRole.LEADER))) {
      throw new AccessDeniedException(
          "Chỉ chuyên viên hoặc lãnh đạo của đơn vị chủ trì '" + leadUnit + "' được soạn kế hoạch này");
    }
  }

  List<PlanTask> toTasks(List<TaskData> tasks, String issuer,
      java.time.LocalDate periodStart, java.time.LocalDate periodEnd) {
    List<PlanTask> result = new ArrayList<>();
    UnitDirectory.Names names = units.names();
    for (TaskData task : tasks) {
      OrgUnit lead = names.resolve(task.leadUnit(), issuer).orElseThrow();
      List<String> coordinating = PlanRequest.orEmpty(task.coordinatingUnits()).stream()
          .map(entry -> names.resolve(entry, issuer).map(OrgUnit::getCode).orElse(entry.trim()))
          .toList();
      Timeframe timeframe = TimeframeParser.parse(task.timeframe(), periodStart, periodEnd);
      result.add(new PlanTask(task.no().trim(), task.group(), task.name(), task.content(), task.target(),
          task.product(), lead.getCode(), coordinating, task.budgetSource(), task.timeframe(),
          timeframe.startDate(), timeframe.endDate()));
    }
    return result;
  }
}
