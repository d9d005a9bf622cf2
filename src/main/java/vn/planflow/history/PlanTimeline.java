package vn.planflow.history;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.calendar.EngineClock;
import vn.planflow.org.CommitteePosition;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanRepository;
import vn.planflow.system.EngineUser;
import vn.planflow.voting.VoteRound;
import vn.planflow.voting.VoteRoundRepository;

/**
 * What came before on a plan, as the next task's form shows it: who did what and when, the
 * decisions with their comments (the leader's, the signer's, the consultation answers), the
 * returns with their reasons, and the comments officials added in Tasklist; read from the
 * engine's history ({@link PlanHistory}).
 *
 * <p>The approval's tasks see the approval; a reporting task sees the approval in short and the
 * history of its own period. While a vote round is open nobody's form shows the slips of the
 * round (a slip cast before others have voted must not sway them, see {@code ReadPolicy}).
 */
@Component
public class PlanTimeline {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
  private static final String REPORTING_PERIOD_VARIABLE = "period";
  /** The sub-process of {@code reporting-cycle} that runs one period. */
  private static final String PERIOD_SCOPE = "SubProcess_ReportingPeriod";
  /** Read a period's history from a second before it opened: timestamps of one instant may differ in rounding. */
  private static final long CLOCK_SLACK_MILLIS = 1000;
  /** The approval's decisions that a reporting task shows in short. */
  private static final Set<String> APPROVAL_DECISIONS = Set.of(PlanApproval.REVIEW_DRAFT,
      PlanApproval.APPROVE_SUBMISSION, PlanApproval.REVIEW_SUBMISSION, PlanApproval.RECORD_MEETING_DECISION,
      PlanApproval.SIGN_PLAN, PlanApproval.ISSUE_PLAN);

  /** Approvals in short of issued plans (they cannot change any more); the most recently used few. */
  private final Map<String, List<TimelineEntry>> issuedApprovals = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<TimelineEntry>> eldest) {
          return size() > 256;
        }
      });
  private final PlanHistory history;
  private final HistoryService historyService;
  private final EngineUser engineUser;
  private final PlanRepository plans;
  private final VoteRoundRepository voteRounds;
  private final OfficialRepository officials;
  private final OrgUnitRepository units;

  PlanTimeline(PlanHistory history, HistoryService historyService, EngineUser engineUser, PlanRepository plans,
      VoteRoundRepository voteRounds, OfficialRepository officials, OrgUnitRepository units) {
    this.history = history;
    this.historyService = historyService;
    this.engineUser = engineUser;
    this.plans = plans;
    this.voteRounds = voteRounds;
    this.officials = officials;
    this.units = units;
  }

  /** The approval's history, oldest first: for a task of {@code plan-approval}. */
  @Transactional(readOnly = true)
  public List<TimelineEntry> approval(String planCode) {
    Plan plan = plans.findById(planCode).orElse(null);
    if (plan == null) {
      return List.of();
    }
    PlanHistory.Snapshot snapshot = history.of(planCode);
    List<TimelineEntry> entries = new ArrayList<>();
    for (HistoricProcessInstance process : snapshot.processes()) {
      if (PlanApproval.PROCESS.equals(process.getProcessDefinitionKey())) {
        String starter = process.getStartUserId() != null ? process.getStartUserId() : plan.getCreatedBy();
        entries.add(entry(process.getStartTime(), "START", "Lập kế hoạch", starter,
            "Tạo kế hoạch, bắt đầu quy trình phê duyệt", ""));
      }
    }
    Map<String, PlanHistory.Step> shown = new HashMap<>();
    Optional<OffsetDateTime> slipsHiddenSince = openRoundSentAt(planCode);
    for (PlanHistory.Step step : snapshot.steps()) {
      if (PlanApproval.PROCESS.equals(step.processKey()) && !hidden(step.activity(), slipsHiddenSince)) {
        shown.put(step.activity().getTaskId(), step);
        stepEntry(step, plan).ifPresent(entries::add);
      }
    }
    entries.addAll(comments(snapshot, shown));
    return sorted(entries);
  }

  /**
   * For a reporting task: the approval in short, then what happened in this period (none of it
   * when {@code withPeriod} is false: a unit's own report, opened with the period).
   */
  @Transactional(readOnly = true)
  public List<TimelineEntry> reportingPeriod(String planCode, String periodId, boolean withPeriod) {
    Plan plan = plans.findById(planCode).orElse(null);
    if (plan == null) {
      return List.of();
    }
    List<TimelineEntry> all = new ArrayList<>(approvalInShort(plan));
    if (!withPeriod) {
      return all;
    }
    // The period's scopes first (one per period, cheap), then the history from the period's opening on.
    Map<String, String> periodOfScope = new HashMap<>();
    Date opened = periodScopes(planCode, periodId, periodOfScope);
    PlanHistory.Snapshot snapshot = history.of(planCode, PlanApproval.REPORTING_PROCESS, opened == null ? Map.of()
        : Map.of(PlanApproval.REPORTING_PROCESS, new Date(opened.getTime() - CLOCK_SLACK_MILLIS)));
    Map<String, String> periodOfActivity = periods(snapshot, periodOfScope, opened);
    Map<String, PlanHistory.Step> shown = new HashMap<>();
    List<TimelineEntry> period = new ArrayList<>();
    for (PlanHistory.Step step : snapshot.steps()) {
      if (Objects.equals(periodId, periodOfActivity.get(step.activity().getId()))) {
        shown.put(step.activity().getTaskId(), step);
        stepEntry(step, plan).ifPresent(period::add);
      }
    }
    period.addAll(comments(snapshot, shown));
    all.addAll(sorted(period));
    return all;
  }

  /**
   * The approval's decisions and the issued number, as every reporting task shows them. Once the
   * plan is issued they can no longer change, and are read once per plan, not once per unit of
   * every period.
   */
  private List<TimelineEntry> approvalInShort(Plan plan) {
    List<TimelineEntry> known = issuedApprovals.get(plan.getCode());
    if (known != null) {
      return known;
    }
    PlanHistory.Snapshot snapshot = history.of(plan.getCode(), PlanApproval.PROCESS, Map.of());
    List<TimelineEntry> summary = new ArrayList<>();
    for (PlanHistory.Step step : snapshot.steps()) {
      if (APPROVAL_DECISIONS.contains(step.activity().getActivityId())) {
        stepEntry(step, plan).ifPresent(summary::add);
      }
    }
    // The steps in their order, then what they led to (dated by its day only, it would sort first).
    summary = sorted(summary);
    if (plan.getNumber() != null) {
      String signer = plan.getSignerName() == null ? "" : "; người ký: "
          + (plan.getSignerPosition() == CommitteePosition.CHAIR ? "Chủ tịch " : "Phó Chủ tịch ") + plan.getSignerName();
      summary.add(summaryEntry(plan, "Kế hoạch số " + plan.getNumber()
          + (plan.getIssuedOn() == null ? "" : " ban hành ngày " + DATE.format(plan.getIssuedOn())) + signer));
    }
    List<TimelineEntry> result = List.copyOf(summary);
    // Issued: its approval's decisions are all taken (the acknowledgements that may still run are not shown here).
    boolean settled = plan.getNumber() != null && snapshot.steps().stream().anyMatch(step ->
        PlanApproval.ISSUE_PLAN.equals(step.activity().getActivityId()) && step.activity().getEndTime() != null);
    if (settled) {
      issuedApprovals.put(plan.getCode(), result);
    }
    return result;
  }

  /** A slip closed before its deadline: the committee closed voting early (closeVotingEarly). */
  private boolean closedEarly(HistoricActivityInstance slip) {
    Date due = engineUser.asSystem(() -> {
      var task = slip.getTaskId() == null ? null
          : historyService.createHistoricTaskInstanceQuery().taskId(slip.getTaskId()).singleResult();
      return task == null ? null : task.getDueDate();
    });
    return due != null && slip.getEndTime().before(due);
  }

  private Optional<TimelineEntry> stepEntry(PlanHistory.Step step, Plan plan) {
    HistoricActivityInstance activity = step.activity();
    if (activity.getEndTime() == null) {
      return Optional.empty();
    }
    String key = activity.getActivityId();
    if (activity.isCanceled() || activity.getAssignee() == null && step.decision().isEmpty()) {
      String what = switch (key) {
        case PlanApproval.GIVE_OPINION -> "Hết thời hạn lấy ý kiến, đơn vị không trả lời (coi như đồng ý)";
        case PlanApproval.CAST_VOTE -> closedEarly(activity)
            ? vn.planflow.voting.SlipStatus.CLOSED_EARLY.label()
            : "Hết thời hạn biểu quyết, không gửi phiếu";
        default -> "Kết thúc, không xử lý";
      };
      return Optional.of(entry(activity.getEndTime(), "EXPIRED", activity.getActivityName(), null, what, ""));
    }
    Map<String, Object> decision = step.decision();
    boolean returned = Boolean.FALSE.equals(decision.get(PlanApproval.APPROVED))
        || "RETURN".equals(decision.get(PlanApproval.DECISION));
    String action = returned ? "Trả lại" : switch (key) {
      case PlanApproval.GIVE_OPINION -> "Cho ý kiến";
      case PlanApproval.CAST_VOTE -> "Gửi phiếu biểu quyết";
      case PlanApproval.ISSUE_PLAN -> "Ban hành";
      default -> "Hoàn thành";
    };
    String detail = Decisions.describe(decision, this::officialName);
    if (PlanApproval.ISSUE_PLAN.equals(key) && plan.getNumber() != null) {
      detail = join(detail, "Số, ký hiệu: " + plan.getNumber());
    }
    return Optional.of(entry(activity.getEndTime(), returned ? "RETURN" : "STEP", activity.getActivityName(),
        activity.getAssignee(), action, detail));
  }

  private List<TimelineEntry> comments(PlanHistory.Snapshot snapshot, Map<String, PlanHistory.Step> shown) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (Comment comment : snapshot.comments()) {
      PlanHistory.Step step = comment.getTaskId() == null ? null : shown.get(comment.getTaskId());
      if (step != null && comment.getFullMessage() != null && !comment.getFullMessage().isBlank()) {
        entries.add(entry(comment.getTime(), "COMMENT", step.activity().getActivityName(), comment.getUserId(),
            "Ghi chú", comment.getFullMessage().strip()));
      }
    }
    return entries;
  }

  /**
   * The sub-process instances that run period {@code periodId} (put in {@code periodOfScope}) and
   * the moment the first of them started. A period's sub-process gets its {@code period} by an
   * input mapping on its own scope execution; the mapping runs before the sub-process's activity
   * instance starts, so the variable is recognised by its execution.
   */
  private Date periodScopes(String planCode, String periodId, Map<String, String> periodOfScope) {
    if (periodId == null) {
      return null;
    }
    return engineUser.asSystem(() -> {
      Date opened = null;
      for (HistoricProcessInstance process : historyService.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(planCode).processDefinitionKey(PlanApproval.REPORTING_PROCESS).list()) {
        Set<String> executions = new HashSet<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
            .processInstanceId(process.getId()).variableName(REPORTING_PERIOD_VARIABLE).list()) {
          if (variable.getValue() != null && periodId.equals(variable.getValue().toString())
              && !process.getId().equals(variable.getExecutionId())) {
            executions.add(variable.getExecutionId());
          }
        }
        for (HistoricActivityInstance scope : historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(process.getId()).activityId(PERIOD_SCOPE).list()) {
          if (executions.contains(scope.getExecutionId())) {
            periodOfScope.put(scope.getId(), periodId);
            if (opened == null || scope.getStartTime().before(opened)) {
              opened = scope.getStartTime();
            }
          }
        }
      }
      return opened;
    });
  }

  /**
   * The period of every activity of the reporting process that started since {@code opened}:
   * each activity by the sub-process instance it runs in.
   */
  private Map<String, String> periods(PlanHistory.Snapshot snapshot, Map<String, String> periodOfScope, Date opened) {
    if (opened == null) {
      return Map.of();
    }
    return engineUser.asSystem(() -> {
      Map<String, String> parent = new HashMap<>();
      for (HistoricProcessInstance process : snapshot.processes()) {
        if (!PlanApproval.REPORTING_PROCESS.equals(process.getProcessDefinitionKey())) {
          continue;
        }
        for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(process.getId()).startedAfter(new Date(opened.getTime() - CLOCK_SLACK_MILLIS)).list()) {
          parent.put(activity.getId(), activity.getParentActivityInstanceId());
        }
      }
      Map<String, String> result = new HashMap<>();
      for (String activity : parent.keySet()) {
        String scope = activity;
        for (int depth = 0; scope != null && depth < 20; depth++) {
          if (periodOfScope.containsKey(scope)) {
            result.put(activity, periodOfScope.get(scope));
            break;
          }
          scope = parent.get(scope);
        }
      }
      return result;
    });
  }

  private Optional<OffsetDateTime> openRoundSentAt(String planCode) {
    return voteRounds.findFirstByPlanCodeOrderByRoundDesc(planCode).filter(round -> !round.isClosed())
        .map(VoteRound::getSentAt);
  }

  private static boolean hidden(HistoricActivityInstance activity, Optional<OffsetDateTime> slipsHiddenSince) {
    return PlanApproval.CAST_VOTE.equals(activity.getActivityId()) && slipsHiddenSince
        .map(since -> !activity.getStartTime().toInstant().isBefore(since.toInstant())).orElse(false);
  }

  private TimelineEntry summaryEntry(Plan plan, String text) {
    OffsetDateTime at = plan.getIssuedOn() == null ? null
        : plan.getIssuedOn().atStartOfDay(EngineClock.VIETNAM).toOffsetDateTime();
    return new TimelineEntry(at == null ? null : ISO.format(at), plan.getIssuedOn() == null ? ""
        : DATE.format(plan.getIssuedOn()), "SUMMARY", "Phê duyệt, ban hành kế hoạch", null, null, "Ban hành", text,
        "Phê duyệt, ban hành kế hoạch: " + text);
  }

  private TimelineEntry entry(Date at, String kind, String step, String userId, String action, String detail) {
    String actor = officialName(userId);
    String unit = officialUnitName(userId);
    StringBuilder text = new StringBuilder(step == null ? "" : step);
    if (actor != null) {
      text.append(": ").append(actor);
      if (unit != null) {
        text.append(" (").append(unit).append(")");
      }
    }
    text.append(" — ").append(action);
    if (detail != null && !detail.isBlank()) {
      text.append(". ").append(detail);
    }
    OffsetDateTime time = at == null ? null : OffsetDateTime.ofInstant(at.toInstant(), EngineClock.VIETNAM);
    return new TimelineEntry(time == null ? null : ISO.format(time), time == null ? "" : DATE_TIME.format(time), kind,
        step, actor, unit, action, detail == null ? "" : detail, text.toString());
  }

  private static List<TimelineEntry> sorted(List<TimelineEntry> entries) {
    List<TimelineEntry> copy = new ArrayList<>(entries);
    // ISO text of fixed width sorts as time; stable, so a step's comment stays before its completion at the same instant.
    copy.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsFirst(String::compareTo)));
    return copy;
  }

  private String officialName(String userId) {
    if (userId == null) {
      return null;
    }
    return officials.findById(userId).map(Official::getName).orElse("admin".equals(userId) ? "Quản trị hệ thống" : userId);
  }

  private String officialUnitName(String userId) {
    return userId == null ? null : officials.findById(userId).map(Official::getUnitCode)
        .map(code -> units.findById(code).map(OrgUnit::getName).orElse(code)).orElse(null);
  }

  private static String join(String a, String b) {
    return a == null || a.isBlank() ? b : a + "; " + b;
  }
}
