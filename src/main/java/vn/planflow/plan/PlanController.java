package vn.planflow.plan;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import vn.planflow.plan.PlanRequest.TaskData;
import vn.planflow.system.InvalidRequestException;

/** {@code /api/plans}: create a plan (which starts its approval), read plans, import the appendix. */
@RestController
@RequestMapping("/api/plans")
class PlanController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final PlanService service;
  private final PlanRepository plans;
  private final PlanViews views;
  private final AppendixReader appendix;
  private final ReadPolicy policy;

  PlanController(PlanService service, PlanRepository plans, PlanViews views, AppendixReader appendix,
      ReadPolicy policy) {
    this.policy = policy;
    this.service = service;
    this.plans = plans;
    this.views = views;
    this.appendix = appendix;
  }

  @PostMapping
  ResponseEntity<Map<String, String>> create(@RequestBody PlanRequest request, Authentication caller) {
    Plan plan = service.create(request, caller.getName());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/plans/" + plan.getCode()))
        .body(Map.of(
            "code", plan.getCode(),
            "status", plan.getStatus().name(),
            "processInstanceId", plan.getProcessInstanceId()));
  }

  @GetMapping("/{code}")
  PlanView get(@PathVariable String code, Authentication caller) {
    return views.forReader(code, caller.getName());
  }

  /** Plans, newest first, filtered by status, issuer, or a unit that leads the plan or a task. */
  @GetMapping
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  List<PlanSummary> list(
      @RequestParam(required = false) PlanStatus status,
      @RequestParam(required = false) String issuer,
      @RequestParam(required = false) String unit,
      Authentication caller) {
    return policy.readable(caller.getName(), plans.findAllByOrderByCreatedAtDesc()).stream()
        .filter(p -> status == null || p.getStatus() == status)
        .filter(p -> issuer == null || p.getIssuer().equals(issuer))
        .filter(p -> unit == null || p.getLeadUnit().equals(unit) || p.leadingUnits().contains(unit))
        .sorted(Comparator.comparing(Plan::getCode))
        .map(PlanSummary::of)
        .toList();
  }

  /** Replaces the appendix from {@code text/csv} or an {@code .xlsx} (raw body or multipart "file"). */
  @PutMapping("/{code}/tasks")
  PlanView replaceTasks(
      @PathVariable String code,
      @RequestHeader(value = "Content-Type", required = false) String contentType,
      HttpServletRequest request,
      Authentication caller) throws IOException {
    List<AppendixRow> rows;
    if (request instanceof MultipartHttpServletRequest multipart) {
      MultipartFile file = multipart.getFile("file");
      if (file == null) {
        throw new InvalidRequestException("file", "thiếu tệp phụ lục (trường 'file')");
      }
      boolean csv = file.getOriginalFilename() != null && file.getOriginalFilename().toLowerCase().endsWith(".csv");
      try (InputStream in = file.getInputStream()) {
        rows = csv ? appendix.readCsv(in) : appendix.readXlsx(in);
      }
    } else if (contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.parseMediaType("text/csv"))) {
      rows = appendix.readCsv(request.getInputStream());
    } else if (contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.parseMediaType(XLSX))) {
      rows = appendix.readXlsx(request.getInputStream());
    } else {
      throw new InvalidRequestException("Content-Type",
          "phụ lục phải là text/csv, " + XLSX + " hoặc multipart/form-data có trường 'file'");
    }
    List<TaskData> tasks = rows.stream()
        .map(r -> new TaskData(r.no(), r.group(), r.name(), r.content(), r.target(), r.product(), r.leadUnit(),
            r.coordinatingUnits(), r.budgetSource(), r.timeframe()))
        .toList();
    service.replaceTasks(code, tasks, caller.getName());
    return views.forReader(code, caller.getName());
  }

  record PlanSummary(String code, String title, String issuer, String leadUnit, String status,
      String statusLabel, String number, java.time.LocalDate issuedOn, String parentPlan) {
    static PlanSummary of(Plan plan) {
      return new PlanSummary(plan.getCode(), plan.getTitle(), plan.getIssuer(), plan.getLeadUnit(),
          plan.getStatus().name(), plan.getStatus().label(), plan.getNumber(), plan.getIssuedOn(),
          plan.getParentPlan());
    }
  }
}
