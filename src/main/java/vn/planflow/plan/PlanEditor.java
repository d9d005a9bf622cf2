package vn.planflow.plan;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.plan.PlanRequest.ReportingData;
import vn.planflow.plan.PlanRequest.SectionData;
import vn.planflow.plan.PlanRequest.TargetData;
import vn.planflow.plan.PlanRequest.TaskData;
import vn.planflow.system.ConflictException;
import vn.planflow.system.FieldProblem;
import vn.planflow.system.InvalidRequestException;
import vn.planflow.system.EngineUser;
import vn.planflow.system.FormTextView;
import vn.planflow.system.TaskCompletionPolicy;

/**
 * The plan editor (issue #11): the specialist who may work the open {@code draftPlan} task of a
 * plan reads and corrects its content, and only while the plan is being drafted. Saving is all or
 * nothing: the plan, its appendix and the task's form view change together or not at all.
 */
@Service
class PlanEditor {

  private final PlanRepository plans;
  private final PlanService planService;
  private final UnitDirectory unitDirectory;
  private final OrgUnitRepository units;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final PlanTaskForms taskForms;
  private final AppendixReader appendix;
  private final Clock clock;
  private final FormTextView textViews;
  private final EngineUser engineUser;

  PlanEditor(PlanRepository plans, PlanService planService, UnitDirectory unitDirectory, OrgUnitRepository units,
      TaskService taskService, IdentityService identityService, PlanTaskForms taskForms, AppendixReader appendix,
      Clock clock, FormTextView textViews, EngineUser engineUser) {
    this.engineUser = engineUser;
    this.textViews = textViews;
    this.plans = plans;
    this.planService = planService;
    this.unitDirectory = unitDirectory;
    this.units = units;
    this.taskService = taskService;
    this.identityService = identityService;
    this.taskForms = taskForms;
    this.appendix = appendix;
    this.clock = clock;
  }

  /** The body of {@code PUT /api/plans/{code}/draft}: everything the editor changes. */
  record DraftRequest(
      List<String> legalBases,
      String objectives,
      List<TargetData> targets,
      List<SectionData> sections,
      String budget,
      List<String> recipients,
      ReportingData reporting,
      List<TaskData> tasks) {}

  /** What the editor page shows and edits. Units of appendix rows by code, shown by name. */
  record Draft(
      String code,
      String title,
      String issuerName,
      String leadUnitName,
      String status,
      String statusLabel,
      String taskId,
      String taskLink,
      String returnReason,
      List<String> legalBases,
      String objectives,
      List<TargetData> targets,
      List<SectionData> sections,
      String budget,
      List<String> recipients,
      ReportingData reporting,
      List<TaskData> tasks,
      List<UnitOption> unitOptions) {}

  record UnitOption(String label, String value) {}

  static String taskLink(String taskId) {
    return "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  @Transactional(readOnly = true)
  public Draft read(String code, String taskId, String caller) {
    Plan plan = plans.findById(code).orElseThrow(() -> PlanService.notFound(code));
    Task task = requireEditor(plan, taskId, caller);
    return draft(plan, task);
  }

  @Transactional
  public Draft save(String code, String taskId, DraftRequest request, String caller) {
    if (request == null) {
      throw new InvalidRequestException("body", "thiếu nội dung dự thảo");
    }
    Plan plan = plans.findForUpdate(code).orElseThrow(() -> PlanService.notFound(code));
    Task task = requireEditor(plan, taskId, caller);
    PlanRequest whole = new PlanRequest(plan.getCode(), plan.getTitle(), plan.getIssuer(), plan.getLeadUnit(),
        plan.getPeriodStart(), plan.getPeriodEnd(), request.legalBases(), request.objectives(), request.targets(),
        request.sections(), request.budget(), request.tasks(), request.recipients(), request.reporting(),
        plan.getParentPlan());
    List<FieldProblem> problems = new PlanValidator(unitDirectory).validate(whole);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    ReportingData reporting = request.reporting();
    plan.revise(
        PlanRequest.orEmpty(request.legalBases()).stream().map(String::trim).toList(),
        blankToNull(request.objectives()),
        PlanRequest.orEmpty(request.targets()).stream()
            .map(t -> new PlanTarget(t.code().trim(), t.text(), blankToNull(t.unit()), t.value()))
            .toList(),
        PlanRequest.orEmpty(request.sections()).stream()
            .map(s -> new PlanSection(s.heading(), s.body()))
            .toList(),
        blankToNull(request.budget()),
        PlanRequest.orEmpty(request.recipients()).stream().map(String::trim).toList(),
        reporting == null || reporting.reportTo() == null || reporting.reportTo().isBlank()
            ? plan.getReportTo()
            : reporting.reportTo(),
        reporting == null || reporting.deadlines() == null ? plan.getReportingDeadlines() : reporting.deadlines());
    List<PlanTask> replacement = planService.toTasks(PlanRequest.orEmpty(request.tasks()), plan.getIssuer(),
        plan.getPeriodStart(), plan.getPeriodEnd());
    OffsetDateTime now = OffsetDateTime.now(clock);
    // As PlanService.replaceTasks: old rows out first, or a kept task number collides with its old row.
    plan.replaceTasks(List.of(), now);
    plans.flush();
    plan.replaceTasks(replacement, now);
    plan.changedBy(caller);
    plans.flush();
    // The draft task's form shows the corrected content at once.
    // As the system: the specialist edits the plan, not the task's variables (no UPDATE_TASK grant).
    Object view = taskForms.view(plan);
    engineUser.asSystem(() -> {
      taskService.setVariableLocal(task.getId(), PlanApproval.PLAN_VIEW, view);
      taskService.setVariableLocal(task.getId(), PlanApproval.PLAN_TITLE, plan.getTitle());
      textViews.update(taskService, task.getId());
    });
    return draft(plan, task);
  }

  /**
   * Reads an appendix spreadsheet for the editor without saving it: the rows, units by code, or
   * a 400 with every bad row named.
   */
  @Transactional(readOnly = true)
  public List<TaskData> readAppendix(String code, String taskId, String fileName, InputStream in, String caller)
      throws IOException {
    Plan plan = plans.findById(code).orElseThrow(() -> PlanService.notFound(code));
    requireEditor(plan, taskId, caller);
    boolean csv = fileName != null && fileName.toLowerCase().endsWith(".csv");
    List<AppendixRow> rows = csv ? appendix.readCsv(in) : appendix.readXlsx(in);
    List<TaskData> tasks = rows.stream()
        .map(r -> new TaskData(r.no(), r.group(), r.name(), r.content(), r.target(), r.product(), r.leadUnit(),
            r.coordinatingUnits(), r.budgetSource(), r.timeframe()))
        .toList();
    PlanValidator validator = new PlanValidator(unitDirectory);
    validator.checkTasks("tasks", tasks, plan.getIssuer());
    if (!validator.problems().isEmpty()) {
      // Name the spreadsheet line, as the reader does.
      throw new InvalidRequestException(validator.problems().stream()
          .map(p -> new FieldProblem(lineOf(p.field(), rows), p.message()))
          .toList());
    }
    UnitDirectory.Names names = unitDirectory.names();
    return tasks.stream()
        .map(t -> new TaskData(t.no(), t.group(), t.name(), t.content(), t.target(), t.product(),
            names.resolve(t.leadUnit(), plan.getIssuer()).map(OrgUnit::getCode).orElse(t.leadUnit()),
            PlanRequest.orEmpty(t.coordinatingUnits()).stream()
                .map(c -> names.resolve(c, plan.getIssuer()).map(OrgUnit::getName).orElse(c.trim()))
                .toList(),
            t.budgetSource(), t.timeframe()))
        .toList();
  }

  private static String lineOf(String field, List<AppendixRow> rows) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^tasks\\[(\\d+)\\](.*)$").matcher(field);
    return m.matches() ? "rows[" + rows.get(Integer.parseInt(m.group(1))).line() + "]" + m.group(2) : field;
  }

  /**
   * 404 for an unknown plan or task, 403 for an official who is not a drafter of the plan or may
   * not work its draft task, 409 when the plan is past drafting or the task is not its open draft.
   */
  /**
   * Where the drafter may change the content: while drafting (also after the leader's return), and
   * while taking in the consultation's opinions (also after the signer's return, which the process
   * sends back to the synthesis).
   */
  private static final java.util.Map<PlanStatus, String> EDITING_STEPS = java.util.Map.of(
      PlanStatus.DRAFTING, PlanApproval.DRAFT_PLAN,
      PlanStatus.SYNTHESIZING, PlanApproval.SYNTHESIZE_OPINIONS);

  private Task requireEditor(Plan plan, String taskId, String caller) {
    planService.requireDrafter(caller, plan.getLeadUnit());
    String editingStep = EDITING_STEPS.get(plan.getStatus());
    if (editingStep == null) {
      throw new ConflictException("Kế hoạch '" + plan.getCode() + "' đang ở bước '" + plan.getStatus().label()
          + "': chỉ sửa nội dung khi đang soạn thảo hoặc tổng hợp ý kiến");
    }
    if (taskId == null || taskId.isBlank()) {
      throw new InvalidRequestException("task", "thiếu mã nhiệm vụ soạn thảo (task)");
    }
    // Found as the system: whether the caller may work it is decided below, as for completion.
    Task task = engineUser.asSystem(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw new ConflictException("Nhiệm vụ soạn thảo này đã kết thúc hoặc không còn: hãy mở lại nhiệm vụ trong Tasklist");
    }
    if (!editingStep.equals(task.getTaskDefinitionKey())
        || !task.getProcessInstanceId().equals(plan.getProcessInstanceId())) {
      throw new InvalidRequestException("task", "nhiệm vụ '" + taskId
          + "' không phải bước soạn thảo hoặc tổng hợp ý kiến đang mở của kế hoạch này");
    }
    List<String> groups = identityService.createGroupQuery().groupMember(caller).list().stream()
        .map(Group::getId).toList();
    String refusal = TaskCompletionPolicy.refusal(task.getAssignee(),
        engineUser.asSystem(() -> taskService.getIdentityLinksForTask(taskId)), caller, groups);
    if (refusal != null) {
      throw new AccessDeniedException(refusal);
    }
    return task;
  }

  private Draft draft(Plan plan, Task task) {
    UnitDirectory.Names names = unitDirectory.names();
    List<TaskData> tasks = plan.getTasks().stream()
        .map(t -> new TaskData(t.getNo(), t.getGroup(), t.getName(), t.getContent(), t.getTarget(), t.getProduct(),
            t.getLeadUnit(),
            t.getCoordinatingUnits().stream()
                .map(c -> names.resolve(c, plan.getIssuer()).map(OrgUnit::getName).orElse(c))
                .toList(),
            t.getBudgetSource(), t.getTimeframe()))
        .toList();
    Object reason = engineUser.asSystem(() -> taskService.getVariableLocal(task.getId(), DraftReturns.RETURN_REASON));
    String returnReason = reason == null ? null : reason.toString();
    return new Draft(plan.getCode(), plan.getTitle(), unitName(plan.getIssuer()), unitName(plan.getLeadUnit()),
        plan.getStatus().name(), plan.getStatus().label(), task.getId(), taskLink(task.getId()), returnReason,
        plan.getLegalBases(), plan.getObjectives(),
        plan.getTargets().stream().map(t -> new TargetData(t.getCode(), t.getText(), t.getUnit(), t.getValue())).toList(),
        plan.getSections().stream().map(s -> new SectionData(s.getHeading(), s.getBody())).toList(),
        plan.getBudget(), plan.getRecipients(),
        new ReportingData(plan.getReportTo(), plan.getReportingDeadlines()),
        tasks, unitOptions(plan));
  }

  /** The issuer and every unit under it first (by name), then the others. */
  private List<UnitOption> unitOptions(Plan plan) {
    List<OrgUnit> all = new ArrayList<>(units.findAllByOrderByCodeAsc());
    all.sort(Comparator.comparing((OrgUnit u) -> !unitDirectory.isUnder(u, plan.getIssuer()))
        .thenComparing(OrgUnit::getName));
    return all.stream()
        .map(u -> new UnitOption(unitDirectory.isUnder(u, plan.getIssuer()) || u.getParentCode() == null
            ? u.getName()
            : u.getName() + " — " + unitName(u.getParentCode()), u.getCode()))
        .toList();
  }

  private String unitName(String code) {
    return code == null ? "" : units.findById(code).map(OrgUnit::getName).orElse(code);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
