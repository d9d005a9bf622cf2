package vn.planflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.planflow.org.CommitteePosition;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.system.CompletionRules;
import vn.planflow.system.FieldProblem;

/** The completion variables of {@code plan-approval}'s tasks, as CONTRACT §4 lists them. */
@Component
class PlanApprovalCompletionRules implements CompletionRules {

  private static final Set<String> OPINIONS = Set.of("AGREE", "AGREE_WITH_COMMENTS", "DISAGREE");
  private static final Set<String> VOTES = Set.of("AGREE", "DISAGREE", "OTHER");
  private static final Set<String> OFFICE_DECISIONS = Set.of("VOTE_SLIP", "MEETING", "RETURN");
  private static final Set<String> SIGN_DECISIONS = Set.of("SIGN", "RETURN");

  private final TaskService taskService;
  private final OrgUnitRepository units;
  private final OfficialRepository officials;
  private final UnitDirectory unitDirectory;
  private final PlanService planService;
  private final PlanRepository plans;
  private final PlanStartOptions startOptions;

  PlanApprovalCompletionRules(TaskService taskService, OrgUnitRepository units, OfficialRepository officials,
      UnitDirectory unitDirectory, @org.springframework.context.annotation.Lazy PlanService planService,
      PlanRepository plans, PlanStartOptions startOptions) {
    this.startOptions = startOptions;
    this.taskService = taskService;
    this.units = units;
    this.officials = officials;
    this.unitDirectory = unitDirectory;
    this.planService = planService;
    this.plans = plans;
  }

  @Override
  public String processKey() {
    return PlanApproval.PROCESS;
  }

  @Override
  public Set<String> booleanVariables() {
    return Set.of(PlanApproval.APPROVED, PlanApproval.RECONSULT, PlanApproval.OWN_PLAN_REQUIRED);
  }

  @Override
  public List<FieldProblem> check(Task task, Map<String, JsonNode> values) {
    Check check = new Check(values);
    switch (task.getTaskDefinitionKey()) {
      case PlanApproval.DRAFT_PLAN -> consultation(task, check, true);
      case PlanApproval.REVIEW_DRAFT, PlanApproval.APPROVE_SUBMISSION -> {
        Boolean approved = check.bool(PlanApproval.APPROVED, true);
        if (Boolean.FALSE.equals(approved)) {
          check.text(PlanApproval.COMMENT, true, "nêu lý do trả lại");
        }
      }
      case PlanApproval.GIVE_OPINION -> {
        String opinion = check.oneOf(PlanApproval.OPINION, OPINIONS);
        if (opinion != null && !opinion.equals("AGREE")) {
          check.text(PlanApproval.COMMENT, true, "nêu nội dung góp ý");
        }
      }
      case PlanApproval.SYNTHESIZE_OPINIONS -> {
        Boolean reconsult = check.bool(PlanApproval.RECONSULT, true);
        if (Boolean.TRUE.equals(reconsult)) {
          consultation(task, check, !hasProcessVariable(task, PlanApproval.CONSULTED_UNITS));
        }
      }
      case PlanApproval.REVIEW_SUBMISSION -> {
        String decision = check.oneOf(PlanApproval.DECISION, OFFICE_DECISIONS);
        if (decision != null && !decision.equals("RETURN")) {
          signer(task, check);
          check.integer(PlanApproval.VOTE_DAYS, 1, 30);
        } else if ("RETURN".equals(decision)) {
          check.text(PlanApproval.COMMENT, true, "nêu lý do trả lại");
        }
      }
      case PlanApproval.CAST_VOTE -> check.oneOf(PlanApproval.VOTE, VOTES);
      case PlanApproval.RECORD_MEETING_DECISION -> check.bool(PlanApproval.APPROVED, true);
      case PlanApproval.SIGN_PLAN -> {
        if ("RETURN".equals(check.oneOf(PlanApproval.DECISION, SIGN_DECISIONS))) {
          check.text(PlanApproval.COMMENT, true, "nêu lý do trả lại");
        }
      }
      case PlanApproval.ACKNOWLEDGE_RECEIPT -> {
        Boolean ownPlan = check.bool(PlanApproval.OWN_PLAN_REQUIRED, true);
        String childLead = check.text(PlanApproval.CHILD_LEAD_UNIT, false, null);
        if (Boolean.TRUE.equals(ownPlan) && childLead != null && !units.existsById(childLead)) {
          check.problem(PlanApproval.CHILD_LEAD_UNIT, "đơn vị '" + childLead + "' không tồn tại");
        }
      }
      default -> { }
    }
    return check.problems;
  }

  /** The start form (Tasklist) makes a plan from its fields: the same checks as POST /api/plans. */
  @Override
  public List<FieldProblem> checkStart(String userId, Map<String, JsonNode> values) {
    PlanRequest request = new PlanRequest(
        text(values, "code"), text(values, "title"), text(values, PlanApproval.ISSUER),
        text(values, PlanApproval.LEAD_UNIT), date(values, "periodStart"), date(values, "periodEnd"),
        List.of(), text(values, "objectives"), List.of(), List.of(), text(values, "budget"),
        List.of(), List.of(), null, null);
    List<FieldProblem> problems = new ArrayList<>(new PlanValidator(unitDirectory).validate(request));
    if (problems.isEmpty()) {
      // The start form offers the official's own issuer and unit only; anything else is refused here.
      if (startOptions.issuers(userId).stream().noneMatch(u -> u.getCode().equals(request.issuer()))) {
        problems.add(new FieldProblem(PlanApproval.ISSUER,
            "anh/chị không thuộc Ủy ban nhân dân '" + request.issuer() + "': chọn UBND mà đơn vị mình trực thuộc"));
      } else if (startOptions.issuerOf(request.leadUnit()).filter(u -> u.getCode().equals(request.issuer())).isEmpty()) {
        problems.add(new FieldProblem(PlanApproval.LEAD_UNIT,
            "đơn vị '" + request.leadUnit() + "' không thuộc Ủy ban nhân dân ban hành '" + request.issuer() + "'"));
      }
    }
    if (problems.isEmpty()) {
      planService.requireDrafter(userId, request.leadUnit());
      if (plans.existsById(request.code())) {
        problems.add(new FieldProblem("code", "mã kế hoạch '" + request.code() + "' đã có"));
      }
    }
    return problems;
  }

  private static String text(Map<String, JsonNode> values, String name) {
    JsonNode value = values.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static java.time.LocalDate date(Map<String, JsonNode> values, String name) {
    String text = text(values, name);
    try {
      return text == null || text.length() < 10 ? null : java.time.LocalDate.parse(text.substring(0, 10));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private void consultation(Task task, Check check, boolean unitsRequired) {
    JsonNode consulted = check.values.get(PlanApproval.CONSULTED_UNITS);
    if (consulted == null || consulted.isNull()) {
      if (unitsRequired) {
        check.problem(PlanApproval.CONSULTED_UNITS, "chọn ít nhất một đơn vị được lấy ý kiến");
      }
    } else if (!consulted.isArray() || consulted.isEmpty()) {
      check.problem(PlanApproval.CONSULTED_UNITS, "phải là danh sách mã đơn vị, ít nhất một đơn vị");
    } else {
      String leadUnit = (String) taskService.getVariable(task.getId(), PlanApproval.LEAD_UNIT);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < consulted.size(); i++) {
        String code = consulted.get(i).asText();
        String field = PlanApproval.CONSULTED_UNITS + "[" + i + "]";
        if (!units.existsById(code)) {
          check.problem(field, "đơn vị '" + code + "' không tồn tại");
        } else if (code.equals(leadUnit)) {
          check.problem(field, "đơn vị chủ trì không tự lấy ý kiến chính mình");
        } else if (!seen.add(code)) {
          check.problem(field, "đơn vị '" + code + "' được chọn hai lần");
        }
      }
    }
    check.integer(PlanApproval.CONSULTATION_DAYS, 1, 60);
  }

  private void signer(Task task, Check check) {
    String signer = check.text(PlanApproval.SIGNER, true, "chọn người ký (Chủ tịch hoặc Phó Chủ tịch)");
    if (signer == null) {
      return;
    }
    String issuer = (String) taskService.getVariable(task.getId(), PlanApproval.ISSUER);
    Official official = officials.findById(signer).orElse(null);
    if (official == null
        || !issuer.equals(official.getCommitteeOf())
        || official.getCommitteePosition() == CommitteePosition.MEMBER) {
      check.problem(PlanApproval.SIGNER, "'" + signer + "' không phải Chủ tịch hoặc Phó Chủ tịch của UBND ban hành");
    }
  }

  private boolean hasProcessVariable(Task task, String name) {
    return taskService.getVariable(task.getId(), name) != null;
  }

  /** Collects problems while reading the submitted values. */
  private static final class Check {

    private final Map<String, JsonNode> values;
    private final List<FieldProblem> problems = new ArrayList<>();

    Check(Map<String, JsonNode> values) {
      this.values = values;
    }

    Boolean bool(String name, boolean required) {
      JsonNode value = values.get(name);
      if (value == null || value.isNull()) {
        if (required) {
          problem(name, "bắt buộc chọn (true hoặc false)");
        }
        return null;
      }
      if (value.isBoolean()) {
        return value.asBoolean();
      }
      if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
        return Boolean.valueOf(value.asText());
      }
      problem(name, "phải là true hoặc false");
      return null;
    }

    String oneOf(String name, Set<String> allowed) {
      JsonNode value = values.get(name);
      if (value == null || value.isNull() || value.asText().isBlank()) {
        problem(name, "bắt buộc chọn một trong " + String.join(", ", new java.util.TreeSet<>(allowed)));
        return null;
      }
      if (!value.isTextual() || !allowed.contains(value.asText())) {
        problem(name, "giá trị '" + value.asText() + "' không hợp lệ (" + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        return null;
      }
      return value.asText();
    }

    String text(String name, boolean required, String hint) {
      JsonNode value = values.get(name);
      if (value == null || value.isNull() || value.asText().isBlank()) {
        if (required) {
          problem(name, "bắt buộc: " + hint);
        }
        return null;
      }
      return value.asText();
    }

    void integer(String name, int min, int max) {
      JsonNode value = values.get(name);
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
        return;
      }
      Integer number = value.isIntegralNumber() ? Integer.valueOf(value.asInt())
          : value.isNumber() && value.asDouble() == Math.rint(value.asDouble()) ? Integer.valueOf(value.asInt())
          : ProcessValues.integer(value.asText());
      if (number == null || number < min || number > max) {
        problem(name, "phải là số ngày làm việc từ " + min + " đến " + max);
      }
    }

    void problem(String field, String message) {
      problems.add(new FieldProblem(field, message));
    }
  }
}
