package vn.planflow.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;
import vn.planflow.calendar.VietnameseDates;
import vn.planflow.consultation.ConsultationProcess;
import vn.planflow.org.CommitteePosition;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.voting.VoteRoundRepository;

/**
 * What each task's Camunda Form shows: when a task of {@code plan-approval} is created, the
 * plan (targets, appendix, comments so far, tally so far) and the choices the official has are
 * put on the task as task-local variables. The data stays in the plan tables; these are views.
 */
@Component
public class PlanTaskForms implements vn.planflow.system.TaskFormPreparer {

  @Override
  public String processKey() {
    return PlanApproval.PROCESS;
  }

  private final PlanRepository plans;
  private final PlanViews views;
  private final OrgUnitRepository units;
  private final OfficialRepository officials;
  private final ConsultationProcess consultation;
  private final VoteRoundRepository voteRounds;
  private final ObjectMapper objectMapper;
  private final UnitDirectory unitDirectory;

  PlanTaskForms(PlanRepository plans, PlanViews views, OrgUnitRepository units, OfficialRepository officials,
      ConsultationProcess consultation, VoteRoundRepository voteRounds, ObjectMapper objectMapper,
      UnitDirectory unitDirectory) {
    this.unitDirectory = unitDirectory;
    this.plans = plans;
    this.views = views;
    this.units = units;
    this.officials = officials;
    this.consultation = consultation;
    this.voteRounds = voteRounds;
    this.objectMapper = objectMapper;
  }

  /** Create listener of every user task of plan-approval. */
  @Override
  public void prepare(DelegateTask task) {
    Plan plan = plans.findById(task.getExecution().getProcessBusinessKey()).orElse(null);
    if (plan == null) {
      return;
    }
    // A slip form must not show how others voted so far: her own answer at most.
    PlanView view = PlanApproval.CAST_VOTE.equals(task.getTaskDefinitionKey())
        ? views.withOwnSlip(plan, (String) task.getVariable(PlanApproval.MEMBER))
        : views.of(plan);
    task.setVariableLocal(PlanApproval.PLAN_VIEW, json(view));
    task.setVariableLocal(PlanApproval.PLAN_TITLE, plan.getTitle());
    // On the task itself: Tasklist's list shows only variables the official may read, and she may
    // read the task's but not the process instance's.
    task.setVariableLocal(PlanApproval.PLAN_CODE, plan.getCode());
    OrgUnit issuer = units.findById(plan.getIssuer()).orElseThrow();
    switch (task.getTaskDefinitionKey()) {
      case PlanApproval.DRAFT_PLAN -> {
        task.setVariableLocal("unitOptions", json(unitOptions(plan)));
        // The form links to the plan editor with this task; a leader's return shows its reason.
        editorLinkAndReturnReason(task, plan);
        if (task.getVariable(PlanApproval.CONSULTATION_DAYS) == null) {
          task.getExecution().setVariable(PlanApproval.CONSULTATION_DAYS, issuer.consultationDays());
        }
      }
      case PlanApproval.GIVE_OPINION -> {
        String unit = (String) task.getVariable(PlanApproval.UNIT);
        task.setVariableLocal("unitName", name(unit));
        task.setVariableLocal("consultationDeadlineText",
            VietnameseDates.dateTime((Date) task.getVariable(PlanApproval.CONSULTATION_DEADLINE)));
      }
      case PlanApproval.SYNTHESIZE_OPINIONS -> {
        task.setVariableLocal("opinions", json(consultation.opinionTable(plan.getCode())));
        task.setVariableLocal("unitOptions", json(unitOptions(plan)));
        // The opinions taken in, or the signer's return, are written into the plan in the editor.
        editorLinkAndReturnReason(task, plan);
      }
      case PlanApproval.REVIEW_SUBMISSION -> {
        task.setVariableLocal("signerOptions", json(signerOptions(plan.getIssuer())));
        if (task.getVariable(PlanApproval.VOTE_DAYS) == null) {
          task.getExecution().setVariable(PlanApproval.VOTE_DAYS, issuer.voteDays());
        }
      }
      case PlanApproval.CAST_VOTE -> task.setVariableLocal("voteDeadlineText",
          VietnameseDates.dateTime((Date) task.getVariable(PlanApproval.VOTE_DEADLINE)));
      case PlanApproval.RECORD_MEETING_DECISION -> voteRounds.findFirstByPlanCodeOrderByRoundDesc(plan.getCode())
          .filter(round -> round.isClosed())
          .ifPresent(round -> {
            Map<String, Object> tally = new LinkedHashMap<>();
            tally.put("rosterSize", round.getSlips().size());
            tally.put("agree", round.getAgreeCount());
            tally.put("disagree", round.getDisagreeCount());
            tally.put("other", round.getOtherCount());
            tally.put("unreturned", round.getUnreturnedCount());
            tally.put("result", round.getResult());
            tally.put("resultLabel", PlanApproval.VOTE_PASSED.equals(round.getResult())
                ? "Thông qua" : "Không đủ quá nửa tổng số thành viên đồng ý");
            task.setVariableLocal("tally", json(tally));
          });
      case PlanApproval.SIGN_PLAN -> task.setVariableLocal("signatureBlock", json(
          SignatureBlock.of(plan.getSignerPosition(), plan.getSignerName())));
      case PlanApproval.ACKNOWLEDGE_RECEIPT -> {
        String unit = (String) task.getVariable(PlanApproval.UNIT);
        task.setVariableLocal("unitName", name(unit));
        List<Map<String, Object>> unitTasks = new ArrayList<>();
        for (PlanTask planTask : plan.getTasks()) {
          if (planTask.getLeadUnit().equals(unit)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("no", planTask.getNo());
            row.put("name", planTask.getName());
            row.put("timeframe", planTask.getTimeframe() == null ? "" : planTask.getTimeframe());
            unitTasks.add(row);
          }
        }
        task.setVariableLocal("unitTasks", json(unitTasks));
        task.setVariableLocal("childLeadUnitOptions", json(childLeadOptions(unit)));
      }
      default -> { }
    }
  }

  /** The plan as the forms read it (variable {@code plan}), after the editor changed it. */
  Object view(Plan plan) {
    return json(views.of(plan));
  }


  /**
   * The link to the plan editor with this task, and why the draft came back (the leader's return on
   * {@code draftPlan}, the signer's on {@code synthesizeOpinions}), as task-local variables.
   */
  private static void editorLinkAndReturnReason(DelegateTask task, Plan plan) {
    task.setVariableLocal("editorUrl", "/dashboard/plans/" + java.net.URLEncoder.encode(plan.getCode(),
        java.nio.charset.StandardCharsets.UTF_8) + "/edit?task=" + task.getId());
    Object returnReason = task.getVariable(DraftReturns.RETURN_REASON);
    if (returnReason != null) {
      task.setVariableLocal(DraftReturns.RETURN_REASON, returnReason.toString());
    }
  }
  private List<Map<String, String>> unitOptions(Plan plan) {
    return units.findAllByOrderByCodeAsc().stream()
        .filter(u -> !u.getCode().equals(plan.getLeadUnit()))
        .sorted(Comparator.comparing((OrgUnit u) -> !unitDirectory.isUnder(u, plan.getIssuer())).thenComparing(OrgUnit::getName))
        .map(u -> option(u.getName() + parentSuffix(u), u.getCode()))
        .toList();
  }

  private List<Map<String, String>> signerOptions(String issuer) {
    return officials.findByCommitteeOfOrderByIdAsc(issuer).stream()
        .filter(o -> o.getCommitteePosition() != CommitteePosition.MEMBER)
        .sorted(Comparator.comparing(Official::getCommitteePosition).thenComparing(Official::getName))
        .map(o -> option((o.getCommitteePosition() == CommitteePosition.CHAIR ? "Chủ tịch " : "Phó Chủ tịch ")
            + o.getName(), o.getId()))
        .toList();
  }

  private List<Map<String, String>> childLeadOptions(String unit) {
    List<Map<String, String>> options = new ArrayList<>();
    units.findById(unit).ifPresent(u -> options.add(option(u.getName(), u.getCode())));
    units.findByParentCodeOrderByCodeAsc(unit).forEach(u -> options.add(option(u.getName(), u.getCode())));
    return options;
  }

  private String parentSuffix(OrgUnit unit) {
    if (unit.getParentCode() == null || unit.isPeoplesCommittee()) {
      return "";
    }
    return units.findById(unit.getParentCode()).map(p -> " — " + p.getName()).orElse("");
  }

  private String name(String unitCode) {
    return unitCode == null ? "" : units.findById(unitCode).map(OrgUnit::getName).orElse(unitCode);
  }

  private static Map<String, String> option(String label, String value) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("label", label);
    option.put("value", value);
    return option;
  }

  private Object json(Object value) {
    try {
      return Spin.JSON(objectMapper.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
