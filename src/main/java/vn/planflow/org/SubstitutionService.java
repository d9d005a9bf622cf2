package vn.planflow.org;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.calendar.EngineClock;
import vn.planflow.system.ConflictException;
import vn.planflow.system.EngineUser;
import vn.planflow.system.FieldProblem;
import vn.planflow.system.InvalidRequestException;
import vn.planflow.system.NotFoundException;
import vn.planflow.system.TextRules;

/**
 * Substitutes (ủy quyền xử lý). The rules:
 *
 * <ul>
 *   <li>Only the official themself, or an administrator for them, names or ends their substitute.
 *   <li>The substitute is another official who can log in (a member of {@code planflow_officials})
 *       and who works in the same unit as the official, or sits on the same People's Committee
 *       (a vice chair for the chair, a member for a member): someone who may read the same plans.
 *   <li>A range is whole days in Vietnam, from and to inclusive, starting today at the earliest,
 *       at most 366 days; ranges of one official that are not ended must not overlap.
 *   <li>Ending early keeps the record (with who ended it and when); the substitute stops being a
 *       candidate of the official's open tasks they had not taken over.
 * </ul>
 */
@Service
public class SubstitutionService {

  static final int MAX_DAYS = 366;
  private static final DateTimeFormatter VIETNAMESE =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final SubstitutionRepository substitutions;
  private final SubstitutionActRepository acts;
  private final OfficialRepository officials;
  private final Callers callers;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final EngineUser engineUser;
  private final Clock clock;
  private final org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration;

  SubstitutionService(SubstitutionRepository substitutions, SubstitutionActRepository acts,
      OfficialRepository officials, Callers callers, IdentityService identityService, TaskService taskService,
      EngineUser engineUser, Clock clock,
      org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration) {
    this.engineConfiguration = engineConfiguration;
    this.substitutions = substitutions;
    this.acts = acts;
    this.officials = officials;
    this.callers = callers;
    this.identityService = identityService;
    this.taskService = taskService;
    this.engineUser = engineUser;
    this.clock = clock;
  }

  /** Body of {@code POST /api/substitutions}; {@code official} defaults to the caller. */
  public record Request(String official, String substitute, String fromDate, String toDate, String reason) {}

  /** A substitution as the API and the page show it. */
  public record View(long id, String official, String officialName, String substitute, String substituteName,
      String fromDate, String toDate, String fromDateText, String toDateText, String reason, String status,
      String statusText, String createdBy, String createdAt, String endedBy, String endedAt, boolean mayEnd) {}

  /** An official who may be named as substitute. */
  public record Candidate(String id, String name, String unit) {}

  /** An open task the caller may take over for an official. */
  public record OfferedTask(String taskId, String name, String planCode, String official, String officialName,
      boolean taken, String link) {}

  /** Today in Vietnam, by the engine's clock. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(EngineClock.VIETNAM));
  }

  @Transactional
  public View create(String callerId, Request request) {
    if (request == null) {
      throw new InvalidRequestException("body", "thiếu nội dung ủy quyền");
    }
    Caller caller = callers.of(callerId);
    String officialId = request.official() == null || request.official().isBlank()
        ? callerId : request.official().trim();
    if (!caller.administrator() && !Objects.equals(officialId, callerId)) {
      throw new AccessDeniedException("Chỉ chính cán bộ hoặc quản trị hệ thống được ủy quyền thay cho cán bộ đó");
    }
    List<FieldProblem> problems = new ArrayList<>();
    Official official = officials.findById(officialId).orElse(null);
    if (official == null) {
      problems.add(new FieldProblem("official", request.official() == null
          ? "tài khoản này không phải cán bộ trong tổ chức; hãy chọn cán bộ ủy quyền"
          : "không có cán bộ '" + TextRules.quote(officialId) + "'"));
    }
    Official substitute = null;
    if (TextRules.required(problems, "substitute", request.substitute(), 64, "người được ủy quyền")) {
      String substituteId = request.substitute().trim();
      substitute = officials.findById(substituteId).orElse(null);
      if (substitute == null) {
        problems.add(new FieldProblem("substitute", "không có cán bộ '" + TextRules.quote(substituteId) + "'"));
      } else if (substituteId.equals(officialId)) {
        problems.add(new FieldProblem("substitute", "không thể ủy quyền cho chính mình"));
      } else if (!enabled(substituteId)) {
        problems.add(new FieldProblem("substitute", "tài khoản của cán bộ '" + TextRules.quote(substituteId)
            + "' đang bị khóa hoặc không còn quyền dùng hệ thống"));
      } else if (official != null && !mayStandFor(substitute, official)) {
        problems.add(new FieldProblem("substitute", "người được ủy quyền phải cùng đơn vị hoặc cùng là thành viên "
            + "UBND với người ủy quyền"));
      }
    }
    LocalDate from = date(problems, "fromDate", request.fromDate(), "ngày bắt đầu");
    LocalDate to = date(problems, "toDate", request.toDate(), "ngày kết thúc");
    LocalDate today = today();
    if (from != null && from.isBefore(today)) {
      problems.add(new FieldProblem("fromDate", "ngày bắt đầu không được trước hôm nay (" + TEXT.format(today) + ")"));
    }
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        problems.add(new FieldProblem("toDate", "ngày kết thúc phải từ ngày bắt đầu trở về sau"));
      } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
        problems.add(new FieldProblem("toDate", "thời gian ủy quyền dài quá " + MAX_DAYS + " ngày"));
      }
    }
    String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().trim();
    TextRules.optional(problems, "reason", reason, 500, "lý do");
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    substitutions.lockOfficial(officialId);
    LocalDate start = from;
    LocalDate end = to;
    Optional<Substitution> clash = substitutions.findByOfficialIdAndEndedAtIsNull(officialId).stream()
        .filter(s -> s.overlaps(start, end)).findFirst();
    if (clash.isPresent()) {
      throw new ConflictException("fromDate: thời gian ủy quyền trùng với ủy quyền đã có cho "
          + clash.get().getSubstituteId() + " từ " + TEXT.format(clash.get().getFromDate()) + " đến "
          + TEXT.format(clash.get().getToDate()) + "; hãy kết thúc ủy quyền đó trước");
    }
    Substitution saved = substitutions.save(new Substitution(officialId, substitute.getId(), from, to, reason,
        callerId, OffsetDateTime.now(clock)));
    return view(saved, caller, names(List.of(saved)));
  }

  /** Ends a substitution now (the record stays); the substitute leaves the tasks not taken over. */
  @Transactional
  public View end(String callerId, long id) {
    Caller caller = callers.of(callerId);
    Substitution substitution = substitutions.findById(id)
        .orElseThrow(() -> new NotFoundException("Không có ủy quyền số " + id));
    if (!mayManage(caller, substitution)) {
      throw new AccessDeniedException("Chỉ người ủy quyền hoặc quản trị hệ thống được kết thúc ủy quyền này");
    }
    if (substitution.isEnded()) {
      throw new ConflictException("id: ủy quyền này đã kết thúc trước đó");
    }
    if (substitution.getToDate().isBefore(today())) {
      throw new ConflictException("id: ủy quyền này đã hết hạn");
    }
    substitution.end(callerId, OffsetDateTime.now(clock));
    engineUser.asSystem(() -> {
      for (SubstitutionAct offered : acts.findBySubstitutionIdAndKind(substitution.getId(), SubstitutionAct.Kind.OFFERED)) {
        Task task = taskService.createTaskQuery().taskId(offered.getTaskId()).singleResult();
        if (task != null && !substitution.getSubstituteId().equals(task.getAssignee())) {
          taskService.deleteCandidateUser(task.getId(), substitution.getSubstituteId());
        }
      }
    });
    return view(substitution, caller, names(List.of(substitution)));
  }

  /** An administrator sees every substitution; an official those they gave or received. */
  @Transactional(readOnly = true)
  public List<View> list(String callerId) {
    Caller caller = callers.of(callerId);
    List<Substitution> found = caller.administrator()
        ? substitutions.findAllByOrderByFromDateDescIdDesc()
        : substitutions.findByOfficialIdOrSubstituteIdOrderByFromDateDescIdDesc(callerId, callerId);
    Map<String, String> names = names(found);
    return found.stream().map(s -> view(s, caller, names)).toList();
  }

  /** Who may stand in for this official (the caller, or anyone for an administrator). */
  @Transactional(readOnly = true)
  public List<Candidate> candidates(String callerId, String officialId) {
    Caller caller = callers.of(callerId);
    String forId = officialId == null || officialId.isBlank() ? callerId : officialId.trim();
    if (!caller.administrator() && !forId.equals(callerId)) {
      throw new AccessDeniedException("Chỉ chính cán bộ hoặc quản trị hệ thống được xem danh sách này");
    }
    Official official = officials.findById(forId)
        .orElseThrow(() -> new InvalidRequestException("official", "không có cán bộ '" + TextRules.quote(forId) + "'"));
    List<Official> pool = new ArrayList<>(officials.findByUnitCodeOrderByIdAsc(official.getUnitCode()));
    if (official.getCommitteeOf() != null) {
      pool.addAll(officials.findByCommitteeOfOrderByIdAsc(official.getCommitteeOf()));
    }
    return pool.stream().filter(o -> !o.getId().equals(forId)).distinct()
        .filter(o -> mayStandFor(o, official)).filter(o -> enabled(o.getId()))
        .sorted(Comparator.comparing(Official::getName).thenComparing(Official::getId))
        .map(o -> new Candidate(o.getId(), o.getName(), o.getUnitCode())).toList();
  }

  /** The open tasks offered to the caller as substitute. */
  @Transactional(readOnly = true)
  public List<OfferedTask> offeredTo(String callerId, Function<String, String> link) {
    List<SubstitutionAct> offered = acts.findBySubstituteIdAndKindOrderByIdDesc(callerId, SubstitutionAct.Kind.OFFERED);
    Map<String, String> names = new java.util.HashMap<>();
    List<OfferedTask> result = new ArrayList<>();
    engineUser.asSystem(() -> {
      for (SubstitutionAct act : offered) {
        Task task = taskService.createTaskQuery().taskId(act.getTaskId()).taskCandidateUser(callerId)
            .includeAssignedTasks().singleResult();
        if (task == null) {
          continue; // completed, or the substitution ended before it was taken over
        }
        String officialName = names.computeIfAbsent(act.getOfficialId(), this::name);
        result.add(new OfferedTask(task.getId(), task.getName(), act.getBusinessKey(), act.getOfficialId(),
            officialName, callerId.equals(task.getAssignee()), link.apply(task.getId())));
      }
    });
    return result;
  }

  /**
   * The substitute takes over a task offered to them: it becomes theirs in Tasklist (the
   * official's assignment passes to them; the engine's log and {@link SubstitutionAct} record it).
   */
  @Transactional
  public void take(String callerId, String taskId) {
    SubstitutionAct offered = acts.findByTaskIdOrderByIdAsc(taskId).stream()
        .filter(a -> a.getKind() == SubstitutionAct.Kind.OFFERED && a.getSubstituteId().equals(callerId))
        .findFirst().orElseThrow(() -> new NotFoundException("Không có việc '" + taskId + "' được ủy quyền cho anh/chị"));
    Task task = engineUser.asSystem(() -> taskService.createTaskQuery().taskId(taskId).taskCandidateUser(callerId)
        .includeAssignedTasks().singleResult());
    if (task == null) {
      throw new ConflictException("taskId: việc này đã xong hoặc ủy quyền đã kết thúc");
    }
    if (callerId.equals(task.getAssignee())) {
      return;
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(offered.getOfficialId())) {
      throw new ConflictException("taskId: việc này đã được giao cho người khác");
    }
    // Checked above (an offer of this task to the caller, still standing); the engine's own
    // authorization would ask for TASK_ASSIGN, which candidates do not hold. The assignment is
    // still made as the caller, so the engine's operation log names them.
    engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
      commandContext.disableAuthorizationCheck();
      try {
        return new org.camunda.bpm.engine.impl.cmd.AssignTaskCmd(taskId, callerId).execute(commandContext);
      } finally {
        commandContext.enableAuthorizationCheck();
      }
    });
  }

  /** The substitution running today for this official, if any. */
  @Transactional(readOnly = true)
  public Optional<Substitution> runningFor(String officialId, LocalDate day) {
    return substitutions.findByOfficialIdAndEndedAtIsNull(officialId).stream().filter(s -> s.runsOn(day))
        .findFirst();
  }

  /**
   * Who acted for whom on these tasks: key {@code taskId + "|" + substituteId}, value the official
   * the substitute took over or completed the task for (for the audit screen).
   */
  @Transactional(readOnly = true)
  public Map<String, String> actedFor(java.util.Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> result = new java.util.HashMap<>();
    for (List<String> chunk : chunks(List.copyOf(taskIds))) {
      for (SubstitutionAct act : acts.findByTaskIdIn(chunk)) {
        if (act.getKind() != SubstitutionAct.Kind.OFFERED) {
          result.put(act.getTaskId() + "|" + act.getSubstituteId(), act.getOfficialId());
        }
      }
    }
    return result;
  }

  private static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 500) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
    }
    return chunks;
  }

  /** A substitution by id (ended or not): the record an act refers to. */
  Substitution runningOrAny(Long id) {
    return substitutions.findById(id).orElseThrow();
  }

  /** Whether the official's account can log in to planflow: it exists and is among the officials. */
  boolean enabled(String officialId) {
    return engineUser.asSystem(() -> identityService.createUserQuery().userId(officialId).count() > 0
        && identityService.createUserQuery().userId(officialId).memberOfGroup(OrgGroups.OFFICIALS).count() > 0);
  }

  /** Same unit, or both on the same People's Committee. */
  static boolean mayStandFor(Official substitute, Official official) {
    return substitute.getUnitCode().equals(official.getUnitCode())
        || (official.getCommitteeOf() != null && official.getCommitteeOf().equals(substitute.getCommitteeOf()));
  }

  private boolean mayManage(Caller caller, Substitution substitution) {
    return caller.administrator() || substitution.getOfficialId().equals(caller.id());
  }

  private static LocalDate date(List<FieldProblem> problems, String field, String value, String what) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "thiếu " + what));
      return null;
    }
    String text = value.trim();
    try {
      LocalDate date = text.contains("/") ? LocalDate.parse(text, VIETNAMESE) : LocalDate.parse(text);
      return TextRules.date(problems, field, date) ? date : null;
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, what + " '" + TextRules.quote(text) + "' không đúng dạng ngày/tháng/năm (dd/MM/yyyy)"));
      return null;
    }
  }

  private Map<String, String> names(List<Substitution> list) {
    List<String> ids = list.stream().flatMap(s -> java.util.stream.Stream.of(s.getOfficialId(), s.getSubstituteId(),
        s.getCreatedBy(), s.getEndedBy())).filter(Objects::nonNull).distinct().toList();
    return officials.findAllById(ids).stream().collect(Collectors.toMap(Official::getId, Official::getName));
  }

  String name(String officialId) {
    return officials.findById(officialId).map(Official::getName).orElse(officialId);
  }

  private View view(Substitution s, Caller caller, Map<String, String> names) {
    LocalDate today = today();
    String status;
    String statusText;
    if (s.isEnded()) {
      status = "ENDED";
      statusText = "Đã kết thúc sớm";
    } else if (s.getToDate().isBefore(today)) {
      status = "EXPIRED";
      statusText = "Đã hết hạn";
    } else if (s.getFromDate().isAfter(today)) {
      status = "SCHEDULED";
      statusText = "Chưa đến ngày";
    } else {
      status = "RUNNING";
      statusText = "Đang hiệu lực";
    }
    Function<String, String> name = id -> id == null ? null : names.getOrDefault(id,
        callers.isAdministrator(id) ? "Quản trị hệ thống" : id);
    boolean mayEnd = !s.isEnded() && !s.getToDate().isBefore(today) && mayManage(caller, s);
    return new View(s.getId(), s.getOfficialId(), name.apply(s.getOfficialId()), s.getSubstituteId(),
        name.apply(s.getSubstituteId()), s.getFromDate().toString(), s.getToDate().toString(),
        TEXT.format(s.getFromDate()), TEXT.format(s.getToDate()), s.getReason(), status, statusText,
        name.apply(s.getCreatedBy()), s.getCreatedAt().toString(), name.apply(s.getEndedBy()),
        s.getEndedAt() == null ? null : s.getEndedAt().toString(), mayEnd);
  }

  /** "từ dd/MM/yyyy đến dd/MM/yyyy", for the e-mail and the task comments. */
  static String range(Substitution s) {
    return "từ " + TEXT.format(s.getFromDate()) + " đến " + TEXT.format(s.getToDate());
  }
}
