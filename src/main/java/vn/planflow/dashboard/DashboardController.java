package vn.planflow.dashboard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.planflow.dashboard.DashboardViews.AuditEntry;
import vn.planflow.dashboard.DashboardViews.ComplianceGrid;
import vn.planflow.dashboard.DashboardViews.Overview;
import vn.planflow.dashboard.DashboardViews.Targets;
import vn.planflow.dashboard.DashboardViews.Timeline;
import vn.planflow.plan.ReadPolicy;

/**
 * The dashboard ({@code /dashboard}) and the audit screen ({@code /dashboard/audit}), and the JSON
 * they read under {@code /api/dashboard}. Both pages work with the Tasklist login in the same
 * browser, or with HTTP Basic.
 */
@RestController
class DashboardController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  /** Excel reads a CSV file as UTF-8 (and so shows Vietnamese) only when it starts with a BOM. */
  private static final String BOM = "\uFEFF";
  private static final List<String> AUDIT_COLUMNS = List.of(
      "Thời gian", "Kế hoạch", "Quy trình", "Bước", "Người thực hiện", "Đơn vị", "Thao tác", "Nội dung");

  private final DashboardData data;
  private final ReadPolicy access;

  DashboardController(DashboardData data, ReadPolicy access) {
    this.data = data;
    this.access = access;
  }

  @GetMapping({"/dashboard", "/dashboard/"})
  ResponseEntity<ClassPathResource> dashboardPage() {
    return page("dashboard/index.html");
  }

  @GetMapping("/dashboard/audit")
  ResponseEntity<ClassPathResource> auditPage(Authentication caller) {
    access.requireAudit(caller.getName());
    return page("dashboard/audit.html");
  }

  /**
   * A plan's attachments: the list with download links and, for an official with work on the
   * plan now, the upload form; {@code ?task=} is the task the official came from (a link back to
   * it, and the step the files are recorded with).
   */
  @GetMapping("/dashboard/plans/{code}/attachments")
  ResponseEntity<ClassPathResource> attachmentsPage(@PathVariable String code, Authentication caller) {
    access.readable(caller.getName(), code);
    return page("dashboard/attachments.html");
  }

  @GetMapping("/dashboard/audit.csv")
  ResponseEntity<byte[]> auditCsv(@RequestParam(name = "plan", required = false) String plan, Authentication caller) {
    return csv(data.audit(caller.getName(), plan), plan);
  }

  @GetMapping("/api/dashboard/overview")
  Overview overview(Authentication caller) {
    return data.overview(caller.getName());
  }

  @GetMapping("/api/dashboard/plans/{code}/timeline")
  Timeline timeline(@PathVariable String code, Authentication caller) {
    return data.timeline(caller.getName(), code);
  }

  @GetMapping("/api/dashboard/plans/{code}/compliance")
  ComplianceGrid compliance(@PathVariable String code, Authentication caller) {
    return data.compliance(caller.getName(), code);
  }

  @GetMapping("/api/dashboard/plans/{code}/targets")
  Targets targets(@PathVariable String code, Authentication caller) {
    return data.targets(caller.getName(), code);
  }

  @GetMapping("/api/dashboard/audit")
  ResponseEntity<?> audit(@RequestParam(name = "plan", required = false) String plan,
      @RequestParam(name = "format", required = false) String format, Authentication caller) {
    List<AuditEntry> entries = data.audit(caller.getName(), plan);
    return "csv".equalsIgnoreCase(format) ? csv(entries, plan) : ResponseEntity.ok(entries);
  }

  private static ResponseEntity<ClassPathResource> page(String path) {
    return vn.planflow.system.Pages.page(path);
  }

  private static ResponseEntity<byte[]> csv(List<AuditEntry> entries, String plan) {
    StringWriter out = new StringWriter().append(BOM);
    try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(AUDIT_COLUMNS.toArray(String[]::new)).get()
        .print(out)) {
      for (AuditEntry e : entries) {
        printer.printRecord(CsvCells.text(e.atText()), CsvCells.text(e.plan()), CsvCells.text(e.process()),
            CsvCells.text(e.step()), CsvCells.text(e.actor()), CsvCells.text(e.actorUnit()), CsvCells.text(e.action()),
            CsvCells.text(e.detail()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "nhat-ky-thao-tac" + (plan == null || plan.isBlank() ? "" : "-" + plan.trim()) + ".csv";
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(out.toString().getBytes(StandardCharsets.UTF_8));
  }
}
